import { afterEach, describe, expect, it, vi } from "vitest";
import { sendCommunityEmail } from "./community";
import { deliverMail } from "./transport";

vi.mock("./transport", () => ({ deliverMail: vi.fn(async () => {}) }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({
    PUBLIC_URL: "https://propulse.example",
    PORT: 3000,
    MAIL_FROM: "Pro'pulse <communaute@propulse.example>",
  }),
}));
// The community's identity as a fresh instance has it (no database in this test).
vi.mock("@/lib/branding/service", async () => {
  const { DEFAULT_BRANDING } = await import("@/lib/branding/defaults");
  return { getBranding: async () => DEFAULT_BRANDING };
});
// Nor programme texts of its own (the built-in ones apply).
vi.mock("@/lib/programme/current", () => ({ getProgrammeSections: async () => null }));
const delivered = vi.mocked(deliverMail);

afterEach(() => {
  delivered.mockReset();
  vi.restoreAllMocks();
});

describe("sendMail's policy", () => {
  it("writes in the recipient's saved language", async () => {
    await sendCommunityEmail({ name: "Ann", email: "ann@example.org", locale: "en" }, "suspended");
    expect(delivered.mock.calls[0]![0]).toMatchObject({
      to: "ann@example.org",
      subject: "Your Pro'pulse account is suspended",
    });
    expect(delivered.mock.calls[0]![0].text).toContain("Reason: (no message)");
  });

  it("writes in French when the recipient has no (or an unknown) language", async () => {
    await sendCommunityEmail({ name: "Inès", email: "ines@example.org", locale: null }, "suspended");
    await sendCommunityEmail({ name: "Hans", email: "hans@example.org", locale: "de" }, "suspended");
    expect(delivered.mock.calls.map(([mail]) => mail.subject)).toEqual([
      "Votre compte Pro'pulse est suspendu",
      "Votre compte Pro'pulse est suspendu",
    ]);
  });

  it("logs a failure instead of throwing it into the action that sent the mail", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    delivered.mockRejectedValueOnce(new Error("SMTP down"));
    await expect(
      sendCommunityEmail({ name: "Inès", email: "ines@example.org", locale: "fr" }, "proApproved"),
    ).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledWith("[mail] could not send proApproved to a member:", expect.any(Error));
  });
});
