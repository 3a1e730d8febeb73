import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { makeUser } from "@/db/test-factories";
import {
  createUserSession,
  listActiveSessions,
  purgeEndedSessions,
  revokeOtherSessions,
  touchUserSession,
} from "@/db/queries/sessions";
import { setPassword } from "@/db/queries/users";
import { suspendUser } from "@/db/queries/staff-users";
import { endSession, extendSession, resolveSession } from "./sessions";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

async function signedIn(role: "member" | "facilitator" = "member") {
  const user = await makeUser(testDb.db, `Personne ${Math.random()}`, role);
  const sessionId = await createUserSession(testDb.db, { userId: user.id, userAgent: "Firefox" });
  return { user, sessionId, claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion } };
}

describe("per-device sessions", () => {
  it("recognises a fresh session, and no longer once it is signed out (a copied cookie dies with it)", async () => {
    const { claims, sessionId } = await signedIn();
    expect((await resolveSession(testDb.db, claims))?.user.id).toBe(claims.userId);
    await endSession(testDb.db, sessionId);
    expect(await resolveSession(testDb.db, claims)).toBeNull();
  });

  it("signs out one device only: the member's other sessions go on", async () => {
    const { user, claims } = await signedIn();
    const other = await createUserSession(testDb.db, { userId: user.id, userAgent: null });
    await endSession(testDb.db, claims.sessionId);
    expect(await resolveSession(testDb.db, { ...claims, sessionId: other })).not.toBeNull();
  });

  it("refuses a cookie naming another account's session or none at all", async () => {
    const first = await signedIn();
    const second = await signedIn();
    expect(await resolveSession(testDb.db, { ...first.claims, sessionId: second.sessionId })).toBeNull();
    expect(await resolveSession(testDb.db, { ...first.claims, sessionId: null })).toBeNull();
  });

  it("ends a member's session after 14 idle days, and a facilitator's after an idle hour", async () => {
    const member = await signedIn("member");
    const staff = await signedIn("facilitator");
    const start = Date.now();
    expect(await resolveSession(testDb.db, member.claims, new Date(start + 13 * DAY))).not.toBeNull();
    expect(await resolveSession(testDb.db, staff.claims, new Date(start + 50 * MINUTE))).not.toBeNull();
    // Each visit above counted as activity: idleness starts again from it.
    expect(await resolveSession(testDb.db, member.claims, new Date(start + 13 * DAY + 15 * DAY))).toBeNull();
    expect(await resolveSession(testDb.db, staff.claims, new Date(start + 50 * MINUTE + 61 * MINUTE))).toBeNull();
  });

  it("ends a staff session after 24 hours however active, and a member's after 30 days", async () => {
    const staff = await signedIn("facilitator");
    const member = await signedIn("member");
    const start = Date.now();
    for (let minutes = 50; minutes < 24 * 60; minutes += 50) {
      expect(await resolveSession(testDb.db, staff.claims, new Date(start + minutes * MINUTE))).not.toBeNull();
    }
    expect(await resolveSession(testDb.db, staff.claims, new Date(start + 24 * 60 * MINUTE + MINUTE))).toBeNull();
    for (let day = 10; day < 30; day += 10) {
      expect(await resolveSession(testDb.db, member.claims, new Date(start + day * DAY))).not.toBeNull();
    }
    expect(await resolveSession(testDb.db, member.claims, new Date(start + 30 * DAY + MINUTE))).toBeNull();
  });

  it("says when the session ends, and 'stay signed in' pushes the idle limit back", async () => {
    const staff = await signedIn("facilitator");
    const before = (await resolveSession(testDb.db, staff.claims))!.endsAt.getTime();
    expect(before - Date.now()).toBeGreaterThan(59 * MINUTE);
    expect(before - Date.now()).toBeLessThanOrEqual(60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const after = await extendSession(testDb.db, { userId: staff.user.id, sessionId: staff.sessionId });
    expect(after!.getTime()).toBeGreaterThan(before);
  });

  it("does not count the expiry warning's own check as activity", async () => {
    const staff = await signedIn("facilitator");
    const start = Date.now();
    const asked = await resolveSession(testDb.db, staff.claims, new Date(start + 50 * MINUTE), {
      countsAsActivity: false,
    });
    expect(asked!.endsAt.getTime() - (start + 50 * MINUTE)).toBeLessThanOrEqual(10 * MINUTE);
    // Still ending an hour after the last real activity: asking did not push it back.
    expect(await resolveSession(testDb.db, staff.claims, new Date(start + 61 * MINUTE))).toBeNull();
  });

  it("voids every session on a password change or a suspension", async () => {
    const changed = await signedIn();
    await setPassword(testDb.db, { userId: changed.user.id, passwordHash: "new" });
    expect(await resolveSession(testDb.db, changed.claims)).toBeNull();
    const suspended = await signedIn();
    const admin = await makeUser(testDb.db, "Admin", "admin");
    await suspendUser(testDb.db, { userId: suspended.user.id, actorId: admin.id, reason: "test", until: null });
    expect(await resolveSession(testDb.db, suspended.claims)).toBeNull();
  });

  it("lists the devices still signed in, signs the others out, and forgets ended sessions", async () => {
    const { user, sessionId } = await signedIn();
    const laptop = await createUserSession(testDb.db, { userId: user.id, userAgent: "Laptop" });
    const since = new Date(Date.now() - DAY);
    expect((await listActiveSessions(testDb.db, { userId: user.id, since })).map((row) => row.id).sort()).toEqual(
      [sessionId, laptop].sort(),
    );
    expect(await revokeOtherSessions(testDb.db, { userId: user.id, keepSessionId: sessionId })).toEqual([laptop]);
    expect((await listActiveSessions(testDb.db, { userId: user.id, since })).map((row) => row.id)).toEqual([sessionId]);
    // Sessions idle for longer than any limit, or signed out long ago, are forgotten; not this one.
    const stale = await createUserSession(testDb.db, { userId: user.id, userAgent: "Vieux téléphone" });
    await touchUserSession(testDb.db, { sessionId: stale, at: new Date(Date.now() - 40 * DAY) });
    expect(await purgeEndedSessions(testDb.db, { before: new Date(Date.now() - 31 * DAY) })).toBe(1);
    expect((await listActiveSessions(testDb.db, { userId: user.id, since: new Date(0) })).map((row) => row.id)).toEqual(
      [sessionId],
    );
  });
});
