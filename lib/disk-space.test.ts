import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { jsonAction } from "./action";
import { jsonRoute } from "./api";
import { freeBytesUnder, getDiskHealth, hasRoomFor, isDiskLow, startDiskWatch, stopDiskWatch } from "./disk-space";
import { createLocalStorage } from "./storage/local";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => ({ id: "member" }) }));

const MIB = 1024 * 1024;
let dir: string;
let free: number;
const warnings: string[] = [];
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "propulse-disk-"));
  free = await freeBytesUnder(dir);
  warnings.length = 0;
  vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterEach(() => {
  stopDiskWatch();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A threshold the disk is under (free space plus a margin), or comfortably over. */
const under = () => free + 1024 * MIB;
const over = () => 1 * MIB;

describe("the disk guard", () => {
  it("measures the nearest existing folder of a DATA_DIR not created yet", async () => {
    expect(await freeBytesUnder(path.join(dir, "not", "yet"))).toBeGreaterThan(0);
  });

  it("is off with a threshold of 0, and writes pass", async () => {
    await startDiskWatch({ dir, minFreeBytes: 0 });
    expect(isDiskLow()).toBe(false);
    expect(getDiskHealth()).toBeNull();
    expect(await hasRoomFor(10 * MIB)).toBe(true);
  });

  it("below the threshold: writes are refused, health says low, and a log line says why", async () => {
    await startDiskWatch({ dir, minFreeBytes: under() });
    expect(isDiskLow()).toBe(true);
    expect(getDiskHealth()).toMatchObject({ status: "low" });
    expect(warnings.join("\n")).toMatch(/\[disk\] free space under .* below DISK_MIN_FREE_MB .*refusing writes/);
    expect(await hasRoomFor(1)).toBe(false);
  });

  it("above the threshold, an upload that would eat into it is refused without closing writes", async () => {
    await startDiskWatch({ dir, minFreeBytes: over() });
    expect(isDiskLow()).toBe(false);
    expect(await hasRoomFor(1024)).toBe(true);
    expect(await hasRoomFor(free)).toBe(false);
    expect(isDiskLow()).toBe(false);
  });

  it("the local file store refuses a file that does not fit, and writes nothing", async () => {
    await startDiskWatch({ dir, minFreeBytes: under() });
    const storage = createLocalStorage(path.join(dir, "uploads"));
    const key = `cv/${randomUUID()}`;
    await expect(storage.put(key, new Uint8Array(10), "application/pdf")).rejects.toMatchObject({ code: "ENOSPC" });
    expect(await storage.get(key)).toBeNull();
  });

  it("API writes answer 507 and actions the localized message; the handler never runs", async () => {
    await startDiskWatch({ dir, minFreeBytes: under() });
    const handler = vi.fn(async () => ({ body: { ok: true } }));
    const route = jsonRoute(z.object({}), async () => {
      const { createLocalStorage: local } = await import("./storage/local");
      await local(path.join(dir, "uploads")).put(`cv/${randomUUID()}`, new Uint8Array(1), "application/pdf");
      return handler();
    });
    const response = await route(
      new Request("http://localhost/api/v1/files", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(507);
    expect(await response.json()).toMatchObject({ error: "insufficient_storage" });
    expect(handler).not.toHaveBeenCalled();

    const action = jsonAction(z.object({}), handler);
    expect(await action({})).toEqual({ ok: false, error: "errors.insufficient_storage" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a database write failing for lack of space (53100) is a 507, not a crash", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = jsonRoute(z.object({}), async () => {
      throw new Error("Failed query: insert …", {
        cause: Object.assign(new Error('could not write to file "pg_wal/xlogtemp.42"'), { code: "53100" }),
      });
    });
    const response = await route(
      new Request("http://localhost/api/v1/threads/1/posts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(507);
    expect(errors).not.toHaveBeenCalled();
  });
});
