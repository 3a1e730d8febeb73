/**
 * Every table that points at an account must be handled by the erasure (or be listed here with
 * the reason it keeps the id). A feature adding such a table fails this test until it decides.
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";

/** Columns that keep an account id after erasure on purpose: they point at the tombstone or a staff member. */
const KEPT: Record<string, string> = {
  "users.id": "the tombstone itself",
  "posts.author_id": "posts stay under 'Ancien membre' or are emptied (the posts mode)",
  "threads.author_id": "threads stay or are emptied, like posts",
  "conversation_messages.author_id": "messages are emptied and marked deleted, their number kept",
  "audit_log.actor_id": "the audit log keeps who did what, not the data",
  "audit_log.target_user_id": "idem",
  "accepted_answers.accepted_by_id": "which account accepted an answer: the tombstone, no data of its own",
  "invitations.created_by_id": "the facilitator who created an invitation link",
};

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

it("handles every table with a column pointing at an account, or says why it keeps it", async () => {
  const { rows } = (await testDb.db.execute(sql`
    select c.conrelid::regclass::text as "table", a.attname as "column", c.confdeltype as "onDelete"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = 'users'::regclass
    order by 1, 2`)) as unknown as { rows: { table: string; column: string; onDelete: string }[] };
  const erasure = readFileSync("db/queries/erasure.ts", "utf8");
  expect(rows.length).toBeGreaterThan(20);
  const unhandled = rows
    .map((row) => ({ ...row, table: row.table.replace(/^"|"$/g, "") }))
    // 'n' = ON DELETE SET NULL: a staff member's trace (who created a cohort), not the member's data.
    .filter((row) => row.onDelete !== "n")
    .filter((row) => !KEPT[`${row.table}.${row.column}`] && !erasure.includes(row.table))
    .map((row) => `${row.table}.${row.column}`);
  expect(unhandled).toEqual([]);
});
