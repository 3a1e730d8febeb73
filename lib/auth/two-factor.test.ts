import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { createTestDb, type TestDb } from "@/db/testing";
import { makeUser } from "@/db/test-factories";
import { createUserSession } from "@/db/queries/sessions";
import { getUserById } from "@/db/queries/users";
import { resolveSession } from "./sessions";
import { openSecret } from "./totp";
import {
  checkSecondFactor,
  confirmTwoFactorSetup,
  getTwoFactorState,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from "./two-factor";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

const codeAt = (secret: string, stepOffset = 0) =>
  generate({ secret, epoch: (Math.floor(Date.now() / 30_000) + stepOffset) * 30 });

async function signedIn(role: "member" | "facilitator") {
  const user = await makeUser(testDb.db, `Personne ${Math.random()}`, role);
  const sessionId = await createUserSession(testDb.db, { userId: user.id, userAgent: null });
  return {
    user,
    account: { userId: user.id, sessionId },
    claims: { userId: user.id, sessionId, sessionVersion: user.sessionVersion },
  };
}

async function proposedSecret(userId: string) {
  await startTwoFactorSetup(testDb.db, { userId });
  const user = await getUserById(testDb.db, { id: userId });
  return openSecret(user!.totpSecret!);
}

describe("two-factor sign-in", () => {
  it("gives a facilitator a member's powers until two-factor is set up, and staff powers after", async () => {
    const { account, claims } = await signedIn("facilitator");
    const before = await resolveSession(testDb.db, claims);
    expect(before?.user.role).toBe("member");
    expect(before?.needsTwoFactorSetup).toBe(true);

    const secret = await proposedSecret(account.userId);
    const state = await getTwoFactorState(testDb.db, account);
    expect(state.isRequired).toBe(true);
    expect(state.setup?.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(state.setup?.qrSvg).toContain("<svg");

    await expect(confirmTwoFactorSetup(testDb.db, account, "000000")).rejects.toMatchObject({
      messageKey: "security.wrongCode",
    });
    const codes = await confirmTwoFactorSetup(testDb.db, account, await codeAt(secret));
    expect(codes).toHaveLength(10);
    const after = await resolveSession(testDb.db, claims);
    expect(after?.user.role).toBe("facilitator");
    expect(after?.needsTwoFactorSetup).toBe(false);
    expect((await getTwoFactorState(testDb.db, account)).recoveryCodesLeft).toBe(10);
  });

  it("signs the other devices out when it is turned on: they never passed the second factor", async () => {
    const { user, account } = await signedIn("member");
    const phone = await createUserSession(testDb.db, { userId: user.id, userAgent: null });
    const secret = await proposedSecret(user.id);
    await confirmTwoFactorSetup(testDb.db, account, await codeAt(secret));
    const phoneClaims = { userId: user.id, sessionId: phone, sessionVersion: user.sessionVersion };
    expect(await resolveSession(testDb.db, phoneClaims)).toBeNull();
    expect(await resolveSession(testDb.db, { ...phoneClaims, sessionId: account.sessionId })).not.toBeNull();
  });

  it("accepts a code once: the same code replayed, or an older one, is refused", async () => {
    const { account } = await signedIn("member");
    const secret = await proposedSecret(account.userId);
    await confirmTwoFactorSetup(testDb.db, account, await codeAt(secret, -1));
    const user = (await getUserById(testDb.db, { id: account.userId }))!;
    const now = await codeAt(secret);
    expect(await checkSecondFactor(testDb.db, user, now)).toBe("app");
    expect(await checkSecondFactor(testDb.db, user, now)).toBeNull();
    expect(await checkSecondFactor(testDb.db, user, await codeAt(secret, -1))).toBeNull();
    expect(await checkSecondFactor(testDb.db, user, await codeAt(secret, 1))).toBe("app");
  });

  it("takes each recovery code once, and new codes replace the old ones", async () => {
    const { account } = await signedIn("member");
    const secret = await proposedSecret(account.userId);
    const codes = await confirmTwoFactorSetup(testDb.db, account, await codeAt(secret, -1));
    const user = (await getUserById(testDb.db, { id: account.userId }))!;
    expect(await checkSecondFactor(testDb.db, user, codes[3]!.toLowerCase())).toBe("recovery");
    expect(await checkSecondFactor(testDb.db, user, codes[3]!)).toBeNull();
    expect((await getTwoFactorState(testDb.db, account)).recoveryCodesLeft).toBe(9);

    const fresh = await regenerateRecoveryCodes(testDb.db, account, codes[4]!);
    expect(await checkSecondFactor(testDb.db, user, codes[5]!)).toBeNull();
    expect(await checkSecondFactor(testDb.db, user, fresh[0]!)).toBe("recovery");
  });

  it("lets a member turn it off with a code, never a facilitator", async () => {
    const member = await signedIn("member");
    const memberSecret = await proposedSecret(member.user.id);
    await confirmTwoFactorSetup(testDb.db, member.account, await codeAt(memberSecret, -1));
    await expect(turnOffTwoFactor(testDb.db, member.account, "123456")).rejects.toMatchObject({
      messageKey: "security.wrongCode",
    });
    await turnOffTwoFactor(testDb.db, member.account, await codeAt(memberSecret));
    expect((await getTwoFactorState(testDb.db, member.account)).isEnabled).toBe(false);

    const staff = await signedIn("facilitator");
    const staffSecret = await proposedSecret(staff.user.id);
    await confirmTwoFactorSetup(testDb.db, staff.account, await codeAt(staffSecret, -1));
    await expect(turnOffTwoFactor(testDb.db, staff.account, await codeAt(staffSecret))).rejects.toMatchObject({
      messageKey: "security.requiredForStaff",
    });
  });
});
