import { describe, expect, it } from "vitest";
import { isSessionActive, sessionEndsAt, shouldTouchSession } from "./sessions";

const at = (iso: string) => new Date(iso);
const session = (createdAt: string, lastSeenAt: string, revokedAt: string | null = null) => ({
  createdAt: at(createdAt),
  lastSeenAt: at(lastSeenAt),
  revokedAt: revokedAt ? at(revokedAt) : null,
});

describe("session limits", () => {
  it("ends at the idle limit when it comes first, at the absolute one otherwise", () => {
    const fresh = session("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z");
    expect(sessionEndsAt(fresh, "facilitator").toISOString()).toBe("2026-12-01T10:00:00.000Z");
    const busy = session("2026-12-01T08:00:00Z", "2026-12-02T07:30:00Z");
    expect(sessionEndsAt(busy, "admin").toISOString()).toBe("2026-12-02T08:00:00.000Z");
    expect(sessionEndsAt(fresh, "member").toISOString()).toBe("2026-12-15T09:00:00.000Z");
    expect(sessionEndsAt(fresh, "pro").toISOString()).toBe("2026-12-15T09:00:00.000Z");
  });

  it("counts a signed-out session as over, whatever its times", () => {
    const revoked = session("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z", "2026-12-01T09:01:00Z");
    expect(isSessionActive(revoked, "member", at("2026-12-01T09:02:00Z"))).toBe(false);
    const open = session("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z");
    expect(isSessionActive(open, "member", at("2026-12-01T09:02:00Z"))).toBe(true);
  });

  it("records activity a few times per idle period, not on every request", () => {
    const seen = session("2026-12-01T08:00:00Z", "2026-12-01T09:00:00Z");
    expect(shouldTouchSession(seen, "facilitator", at("2026-12-01T09:02:00Z"))).toBe(false);
    expect(shouldTouchSession(seen, "facilitator", at("2026-12-01T09:04:00Z"))).toBe(true);
    expect(shouldTouchSession(seen, "member", at("2026-12-01T20:00:00Z"))).toBe(false);
    expect(shouldTouchSession(seen, "member", at("2026-12-02T02:00:00Z"))).toBe(true);
  });
});
