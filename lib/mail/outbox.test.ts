import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isOutboxPageEnabled, listOutbox, readOutboxMail } from "./outbox";
import { deliverMail, outboxDir } from "./transport";

function useEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
}

const saved = { ...process.env };

beforeEach(() => {
  useEnv({
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "propulse-outbox-")),
    AUTH_SECRET: "test-secret-".padEnd(40, "x"),
    DATABASE_URL: "",
    SMTP_URL: "",
  });
  vi.spyOn(console, "info").mockImplementation(() => {});
});

afterEach(() => {
  process.env = { ...saved };
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
  vi.restoreAllMocks();
});

describe("the outbox (no SMTP_URL)", () => {
  it("keeps both parts and the headers, and lists mails newest first", async () => {
    await deliverMail({ to: "a@example.org", subject: "Premier", text: "un" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await deliverMail({
      to: "b@example.org",
      subject: "Second",
      text: "deux",
      html: "<p>deux</p>",
      headers: { "List-Unsubscribe": "<https://propulse.example/unsubscribe?token=t>" },
    });
    const { entries } = listOutbox();
    expect(entries.map((entry) => entry.subject)).toEqual(["Second", "Premier"]);
    expect(readOutboxMail(entries[0]!.id)).toMatchObject({
      to: "b@example.org",
      html: "<p>deux</p>",
      headers: { "List-Unsubscribe": "<https://propulse.example/unsubscribe?token=t>" },
    });
  });

  it("reads only outbox files, never a path", () => {
    writeFileSync(path.join(path.dirname(outboxDir()), "secret.json"), "{}");
    expect(readOutboxMail("../secret")).toBeNull();
    expect(readOutboxMail("1796135186655-8710b5a2-4fae-4006-8764-b1521208d07f")).toBeNull();
  });

  it("is a page in development and for end-to-end runs only", () => {
    useEnv({ NODE_ENV: "development", E2E_HOOKS: "0" });
    expect(isOutboxPageEnabled()).toBe(true);
    useEnv({ NODE_ENV: "production", E2E_HOOKS: "0" });
    expect(isOutboxPageEnabled()).toBe(false);
    useEnv({ NODE_ENV: "production", E2E_HOOKS: "1" });
    expect(isOutboxPageEnabled()).toBe(true);
  });
});
