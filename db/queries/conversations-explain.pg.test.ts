/**
 * Query plans of the private conversations' hot paths on a sizeable PostgreSQL database: a
 * member's list and unread count (conversation_participants_user_idx) and a conversation's
 * catch-up / pages (conversation_messages_number_idx). PostgreSQL only (TEST_DATABASE_URL).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../schema";
import { makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";

let testDb: TestDb;
let member: User;
let conversationId: number;

async function plan(query: ReturnType<typeof sql>): Promise<string> {
  const result = await testDb.db.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`);
  return result.rows.map((row) => row["QUERY PLAN"]).join("\n");
}

beforeAll(async () => {
  testDb = await createTestDb();
  member = await makeUser(testDb.db, "Membre");
  const other = await makeUser(testDb.db, "Autre");
  // 4,000 conversations between other accounts, 20 with the member; 3,000 messages in one of them.
  await testDb.db.execute(sql`
    insert into users (name, email, password_hash, role, status)
    select 'U' || g, 'u' || g || '@example.org', 'x', 'member', 'active' from generate_series(1, 400) g`);
  await testDb.db.execute(sql`
    insert into conversations (last_number, last_message_at)
    select 1, now() - make_interval(mins => g) from generate_series(1, 4020) g`);
  await testDb.db.execute(sql`
    insert into conversation_participants (conversation_id, user_id)
    select c.id, u.id from conversations c
    join lateral (select id from users where email like 'u%@example.org' order by id offset (c.id % 390) limit 2) u on true`);
  const mine = await testDb.db.execute<{ id: number }>(sql`select id from conversations order by id limit 20`);
  for (const row of mine.rows) {
    await testDb.db.execute(sql`
      insert into conversation_participants (conversation_id, user_id) values (${row.id}, ${member.id}), (${row.id}, ${other.id})
      on conflict do nothing`);
  }
  conversationId = mine.rows[0]!.id;
  await testDb.db.execute(sql`
    insert into conversation_messages (conversation_id, number, author_id, body, body_html, body_text, idempotency_key)
    select ${conversationId}, g, ${other.id}, '{"type":"doc","content":[]}'::jsonb, '<p>x</p>', 'x', gen_random_uuid()
    from generate_series(1, 3000) g`);
  await testDb.db.execute(sql`analyze conversations, conversation_participants, conversation_messages`);
}, 120_000);
afterAll(() => testDb.close());

describe("private conversations' query plans", () => {
  it("reads a member's conversations through the participants' user index", async () => {
    const text = await plan(sql`
      select c.id from conversation_participants p join conversations c on c.id = p.conversation_id
      where p.user_id = ${member.id} and p.left_at is null and p.archived_at is null
      order by c.last_message_at desc, c.id desc limit 31`);
    expect(text).toContain("conversation_participants_user_idx");
    expect(text).not.toMatch(/Seq Scan on conversation_participants/);
  });

  it("catches up a conversation after a number through the (conversation, number) index", async () => {
    const text = await plan(sql`
      select id from conversation_messages where conversation_id = ${conversationId} and number > 2900
      order by number limit 201`);
    expect(text).toContain("conversation_messages_number_idx");
    expect(text).not.toMatch(/Seq Scan on conversation_messages/);
  });
});
