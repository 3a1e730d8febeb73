import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken } from "@/lib/offers/token-hash";
import { apiTokens, users, type User } from "../schema";
import { makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { countActiveApiTokens, createApiToken, findApiTokenOwner, listApiTokens, revokeApiToken } from "./api-tokens";

let testDb: TestDb;
let pro: User;
let member: User;

beforeAll(async () => {
  testDb = await createTestDb();
  pro = await makeUser(testDb.db, "Julien Roux", "pro");
  member = await makeUser(testDb.db, "Camille Durand");
});
afterAll(() => testDb.close());

describe("API tokens", () => {
  it("are random, prefixed, and stored only as a SHA-256", async () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^ppo_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token.startsWith(a.prefix)).toBe(true);

    await createApiToken(testDb.db, { userId: pro.id, name: "Site", tokenHash: a.hash, prefix: a.prefix });
    const stored = await testDb.db.select().from(apiTokens).where(eq(apiTokens.userId, pro.id));
    expect(JSON.stringify(stored)).not.toContain(a.token);
  });

  it("find their owner with the current role, until revoked", async () => {
    const { token, hash, prefix } = generateApiToken();
    const created = await createApiToken(testDb.db, { userId: pro.id, name: "Agrégateur", tokenHash: hash, prefix });
    const owner = await findApiTokenOwner(testDb.db, { tokenHash: hashApiToken(token) });
    expect(owner?.user).toMatchObject({ id: pro.id, role: "pro", status: "active" });
    expect(
      (await listApiTokens(testDb.db, { userId: pro.id })).find((item) => item.id === created.id)?.lastUsedAt,
    ).toBeInstanceOf(Date);

    // A pro who loses the role: the same token now speaks for a member.
    await testDb.db.update(users).set({ role: "member" }).where(eq(users.id, pro.id));
    expect((await findApiTokenOwner(testDb.db, { tokenHash: hash }))?.user.role).toBe("member");
    await testDb.db.update(users).set({ role: "pro" }).where(eq(users.id, pro.id));

    expect(await findApiTokenOwner(testDb.db, { tokenHash: hashApiToken(`${token}x`) })).toBeNull();
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: member.id })).toBe(false);
    expect(await findApiTokenOwner(testDb.db, { tokenHash: hash })).not.toBeNull();
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: pro.id })).toBe(true);
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: pro.id })).toBe(false);
    expect(await findApiTokenOwner(testDb.db, { tokenHash: hash })).toBeNull();
    expect(await countActiveApiTokens(testDb.db, { userId: pro.id })).toBe(1);
  });
});
