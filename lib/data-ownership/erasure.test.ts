/**
 * Erasure end to end: a member with sentinel values in every table they touch erases their
 * account; a scan of every table (and `pg_dump` on PostgreSQL) and of the storage folder finds no
 * sentinel outside what the README says is kept. An erasure that fails mid-transaction changes nothing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, users } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { eraseMemberAccount, eraseMyAccount } from "./erasure";
import { MEMBER_PASSWORD, SENTINEL, seedSentinelMember, tablesContaining } from "./sentinel-fixtures";
import { deleteStorageKeys } from "./storage-cleanup";

const disconnected: string[] = [];
vi.mock("@/lib/realtime/emit", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  disconnectUser: (userId: string) => disconnected.push(userId),
}));

/** What the README ("Erasure: what is kept") allows when posts stay under "Ancien membre". */
const KEPT_WITH_ANONYMISED_POSTS = new Set([
  "public.posts",
  "public.post_revisions",
  "public.threads",
  "public.search_words",
  "public.review_requests",
  "public.job_offers",
  "public.activities",
]);

/** Where the tombstone's id remains after "delete my posts": its row, authorship of (emptied) posts, the audit log. */
/** Messages keep their (emptied) place under the tombstone, as posts do. */
const ID_KEPT = ["public.audit_log", "public.conversation_messages", "public.posts", "public.threads", "public.users"];

let testDb: TestDb & { dataDir: string };

beforeAll(async () => {
  testDb = await createServiceTestDb();
});
afterAll(async () => {
  await testDb.close();
});

function storageFilesContaining(needle: string): string[] {
  const root = path.join(testDb.dataDir, "uploads");
  if (!existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (readFileSync(full, "latin1").toLowerCase().includes(needle)) found.push(full);
    }
  };
  walk(root);
  return found;
}

/** `pg_dump --data-only` of the test database, when on PostgreSQL and the tool is installed. */
function pgDumpContains(needle: string): boolean | null {
  if (!testDb.url) return null;
  try {
    execFileSync("pg_dump", ["--version"]);
  } catch {
    return null; // not installed: the table scan above still ran
  }
  const dump = execFileSync("pg_dump", ["--data-only", "--no-owner", testDb.url], { maxBuffer: 256 << 20 });
  expect(dump.toString("utf8")).toContain("COPY public.users");
  return dump.toString("utf8").toLowerCase().includes(needle);
}

async function userRow(id: string) {
  const [row] = await testDb.db.select().from(users).where(eq(users.id, id));
  return row!;
}

describe("erasure", () => {
  it("is all or nothing: a failure mid-transaction leaves the account, its rows and files intact", async () => {
    const member = await seedSentinelMember(testDb.db, "abort");
    const needle = `${SENTINEL}abort`;
    const before = await tablesContaining(testDb.db, needle);
    await testDb.db.execute(sql`
      create or replace function fail_erase() returns trigger language plpgsql as $$
      begin raise exception 'simulated fault'; end $$`);
    await testDb.db.execute(sql`
      create trigger fail_erase before insert on audit_log for each row
      when (new.action = 'user.erase') execute function fail_erase()`);
    try {
      await expect(
        eraseMyAccount(contextFor(actorOf(member.user), testDb.db), { password: MEMBER_PASSWORD, posts: "delete" }),
      ).rejects.toThrow();
    } finally {
      await testDb.db.execute(sql`drop trigger fail_erase on audit_log`);
    }
    expect(await tablesContaining(testDb.db, needle)).toEqual(before);
    const row = await userRow(member.user.id);
    expect(row.erasedAt).toBeNull();
    expect(row.sessionVersion).toBe(member.user.sessionVersion);
    expect(storageFilesContaining(needle)).toHaveLength(3);
    expect(disconnected).not.toContain(member.user.id);
  });

  it("refuses a wrong password and changes nothing", async () => {
    const member = await seedSentinelMember(testDb.db, "wrongpw");
    const error = await eraseMyAccount(contextFor(actorOf(member.user), testDb.db), {
      password: "not-the-password",
      posts: "anonymise",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).messageKey).toBe("dataOwnership.wrongPassword");
    expect((await userRow(member.user.id)).email).toBe(member.user.email);
  });

  it("with posts deleted, leaves no sentinel in any table, in pg_dump or in storage", async () => {
    const member = await seedSentinelMember(testDb.db, "del");
    const needle = `${SENTINEL}del`;
    expect(Object.keys(await tablesContaining(testDb.db, needle)).length).toBeGreaterThan(20);
    const byId = Object.keys(await tablesContaining(testDb.db, member.user.id));
    expect(byId.length).toBeGreaterThanOrEqual(30);
    expect(storageFilesContaining(needle)).toHaveLength(3);

    await eraseMyAccount(contextFor(actorOf(member.user), testDb.db), { password: MEMBER_PASSWORD, posts: "delete" });

    expect(await tablesContaining(testDb.db, needle)).toEqual({});
    // The id itself is left only where the tombstone is named: its row, authorship, the audit log.
    expect(Object.keys(await tablesContaining(testDb.db, member.user.id)).sort()).toEqual(ID_KEPT);
    expect(storageFilesContaining(needle)).toEqual([]);
    const dumped = pgDumpContains(needle);
    if (dumped !== null) expect(dumped).toBe(false);

    const row = await userRow(member.user.id);
    expect(row.name).toBe("Ancien membre");
    expect(row.passwordHash).toBeNull();
    expect(row.status).toBe("suspended");
    expect(row.sessionVersion).toBe(member.user.sessionVersion + 1);
    expect(row.erasedAt).not.toBeNull();
    expect(disconnected).toContain(member.user.id);
    // Others' replies in the member's thread keep their place; their own rows are untouched.
    const { rows } = (await testDb.db.execute(
      sql`select count(*)::int as n from posts where author_id = ${member.otherUser.id} and deleted_at is null`,
    )) as unknown as { rows: { n: number }[] };
    expect(rows[0]!.n).toBe(3);
    const { rows: rsvps } = (await testDb.db.execute(
      sql`select count(*)::int as n from activity_rsvps where user_id = ${member.otherUser.id}`,
    )) as unknown as { rows: { n: number }[] };
    expect(rsvps[0]!.n).toBe(0); // the activity they hosted is gone, with its answers
    // The audit log keeps the action, not the data.
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.targetUserId, member.user.id));
    expect(audit.map((entry) => entry.action).sort()).toEqual(["user.erase", "user.suspend"]);
  });

  it("with posts kept, the sentinel stays only in the posts and their threads (README), and a second erasure is refused", async () => {
    const member = await seedSentinelMember(testDb.db, "anon");
    const needle = `${SENTINEL}anon`;
    await eraseMyAccount(contextFor(actorOf(member.user), testDb.db), {
      password: MEMBER_PASSWORD,
      posts: "anonymise",
    });
    const left = Object.keys(await tablesContaining(testDb.db, needle));
    expect(left.length).toBeGreaterThan(0);
    expect(left.filter((table) => !KEPT_WITH_ANONYMISED_POSTS.has(table))).toEqual([]);
    expect(storageFilesContaining(needle)).toEqual([]);
    // Not the name, the e-mail, the profile: those are in `users`, which is clean.
    expect(left).not.toContain("public.users");
    await expect(
      eraseMyAccount(contextFor(actorOf(member.user), testDb.db), { password: MEMBER_PASSWORD, posts: "anonymise" }),
    ).rejects.toBeInstanceOf(AppError);
    // An upload or a post still in flight when the erasure committed cannot land under the tombstone.
    await expect(
      testDb.db.execute(sql`insert into stored_files (owner_id, storage_key, content_type, byte_size)
        values (${member.user.id}, ${crypto.randomUUID()}, 'application/pdf', 1)`),
    ).rejects.toThrow();
    await expect(
      testDb.db.execute(sql`insert into posts (thread_id, author_id, number, body)
        values (${member.threadIds[0]!}, ${member.user.id}, 99, '{}'::jsonb)`),
    ).rejects.toThrow();
  });

  it("facilitators erase an account on request with an audited reason; members cannot erase others", async () => {
    const member = await seedSentinelMember(testDb.db, "staff");
    const facilitator = await makeUser(testDb.db, "Animatrice", "facilitator");
    const stranger = await makeUser(testDb.db, "Curieux");
    await expect(
      eraseMemberAccount(contextFor(actorOf(stranger), testDb.db), {
        userId: member.user.id,
        reason: "je veux",
        posts: "delete",
      }),
    ).rejects.toBeInstanceOf(AppError);
    expect((await userRow(member.user.id)).erasedAt).toBeNull();
    await eraseMemberAccount(contextFor(actorOf(facilitator), testDb.db), {
      userId: member.user.id,
      reason: "Demande reçue par e-mail le 1er décembre",
      posts: "delete",
    });
    expect(await tablesContaining(testDb.db, `${SENTINEL}staff`)).toEqual({});
    const [entry] = await testDb.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.targetUserId} = ${member.user.id} and ${auditLog.action} = 'user.erase'`);
    expect(entry).toMatchObject({ actorId: facilitator.id, reason: "Demande reçue par e-mail le 1er décembre" });
  });

  it("deletes storage keys idempotently (the job's retry finds nothing left and succeeds)", async () => {
    const key = crypto.randomUUID();
    await deleteStorageKeys([key]);
    await deleteStorageKeys([key]);
  });
});
