import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing";
import { consumeUserToken, createUser, createUserToken, getUserByEmail, getUserById, setPassword } from "./users";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

describe("users", () => {
  it("makes the first account of an instance admin and the next ones members", async () => {
    const first = await createUser(testDb.db, { name: "Première", email: "first@example.org", passwordHash: "x" });
    const second = await createUser(testDb.db, { name: "Deuxième", email: "second@example.org", passwordHash: "x" });
    expect(first?.role).toBe("admin");
    expect(second?.role).toBe("member");
  });

  it("treats emails case-insensitively: no second account, lookup in any case", async () => {
    const duplicate = await createUser(testDb.db, { name: "Copie", email: "FIRST@Example.org", passwordHash: "x" });
    expect(duplicate).toBeNull();
    const found = await getUserByEmail(testDb.db, { email: "First@EXAMPLE.org" });
    expect(found?.name).toBe("Première");
  });

  it("voids older sessions when the password changes", async () => {
    const user = await getUserByEmail(testDb.db, { email: "second@example.org" });
    await setPassword(testDb.db, { userId: user!.id, passwordHash: "new" });
    const after = await getUserById(testDb.db, { id: user!.id });
    expect(after?.sessionVersion).toBe(user!.sessionVersion + 1);
    expect(after?.passwordHash).toBe("new");
  });

  it("accepts an emailed token once, for its own purpose only", async () => {
    const user = await getUserByEmail(testDb.db, { email: "second@example.org" });
    const token = await createUserToken(testDb.db, { userId: user!.id, kind: "reset_password", ttlMinutes: 5 });
    expect(await consumeUserToken(testDb.db, { token, kind: "verify_email" })).toBeNull();
    expect(await consumeUserToken(testDb.db, { token, kind: "reset_password" })).toBe(user!.id);
    expect(await consumeUserToken(testDb.db, { token, kind: "reset_password" })).toBeNull();
  });

  it("refuses an expired token", async () => {
    const user = await getUserByEmail(testDb.db, { email: "second@example.org" });
    const token = await createUserToken(testDb.db, { userId: user!.id, kind: "reset_password", ttlMinutes: -1 });
    expect(await consumeUserToken(testDb.db, { token, kind: "reset_password" })).toBeNull();
  });
});
