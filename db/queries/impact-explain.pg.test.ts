/**
 * Query plans of the Impact dashboard on a realistically sized PostgreSQL database (2,000
 * members, 40,000 posts, check-ins, activities with attendance, outcomes, six-month surveys):
 * each member's latest moments are read through their indexes (posts_author_idx,
 * checkins_user_week_idx, activity_rsvps_user_idx), activities of the period through
 * activities_status_start_idx, and the survey's periods through surveys_invited_idx and
 * surveys_answered_idx. EXPLAIN is PostgreSQL-specific: this file only runs with TEST_DATABASE_URL.
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_POSITIVE_KINDS } from "@/lib/domain/outcomes";
import type { DbOrTx } from "../client";
import { createTestDb, type TestDb } from "../testing";
import { getActivitiesSummary, getMembersSummary, getOutcomesSummary, type ImpactFilter } from "./impact";
import { getSatisfactionSummary } from "./impact-satisfaction";

type PlanNode = { "Node Type": string; "Index Name"?: string; Plans?: PlanNode[] };

const MEMBERS = 2_000;
let testDb: TestDb;

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** Runs a dashboard query against a handle that EXPLAINs its statement (the `set local` is skipped). */
async function plansOf(run: (db: DbOrTx) => Promise<unknown>): Promise<{ indexes: string[]; text: string }> {
  const nodes: PlanNode[] = [];
  const texts: string[] = [];
  const explaining = {
    execute: async (query: SQL) => {
      const text = new PgDialect().sqlToQuery(query).sql;
      if (/^\s*set local/i.test(text)) return { rows: [] };
      const json = await testDb.db.execute<{ "QUERY PLAN": { Plan: PlanNode }[] }>(sql`explain (format json) ${query}`);
      nodes.push(...flatten(json.rows[0]!["QUERY PLAN"][0]!.Plan));
      const plain = await testDb.db.execute<{ "QUERY PLAN": string }>(sql`explain ${query}`);
      texts.push(plain.rows.map((row) => row["QUERY PLAN"]).join("\n"));
      return { rows: [] };
    },
    transaction: (fn: (tx: unknown) => Promise<unknown>) => fn(explaining),
  };
  await run(explaining as unknown as DbOrTx);
  return {
    indexes: nodes.flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])),
    text: texts.join("\n---\n"),
  };
}

async function expectIndexes(run: (db: DbOrTx) => Promise<unknown>, indexes: string[]) {
  const plan = await plansOf(run);
  for (const index of indexes) expect(plan.indexes, `plan does not use ${index}:\n${plan.text}`).toContain(index);
  return plan;
}

const filter = (from: string, to: string): ImpactFilter => ({
  cohortId: null,
  from,
  to,
  now: new Date(),
  positiveKinds: [...DEFAULT_POSITIVE_KINDS],
});

describe("Impact dashboard query plans on PostgreSQL", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    const db = testDb.db;
    await db.execute(sql`
      insert into users (name, email, password_hash, role, created_at)
      select 'Membre ' || i, 'explain-' || i || '@impact.test', 'x', 'member', now() - (i % 700) * interval '1 day'
      from generate_series(1, ${MEMBERS}) i`);
    await db.execute(sql`
      insert into threads (channel_id, author_id, title, slug, last_post_number)
      select (select id from channels where slug = 'entraide'), u.id, 'Fil ' || u.email, 'fil', 1
      from users u where u.role = 'member'`);
    await db.execute(sql`
      insert into posts (thread_id, author_id, number, body, created_at)
      select t.id, t.author_id, g + 1, '{}'::jsonb, now() - (g * 17 % 400) * interval '1 day'
      from threads t, generate_series(1, 20) g`);
    await db.execute(sql`
      insert into checkin_weeks (week_start, questions)
      select current_date - (i * 7), '{}'::jsonb from generate_series(0, 51) i`);
    await db.execute(sql`
      insert into checkins (week_id, user_id, goals, created_at)
      select w.id, u.id, '["x"]'::jsonb, w.week_start::timestamptz
      from checkin_weeks w cross join (select id from users where role = 'member') u
      where hashtext(u.id::text || w.id) % 5 = 0`);
    await db.execute(sql`
      insert into activities (title, kind, starts_at, ends_at, host_id, proposed_by_id, status)
      select 'Atelier ' || i, 'atelier', now() - (i % 700) * interval '1 day',
             now() - (i % 700) * interval '1 day' + interval '2 hours', u.id, u.id, 'published'
      from generate_series(1, 1000) i
      join lateral (select id from users where role = 'member' order by id limit 1 offset (i % ${MEMBERS})) u on true`);
    await db.execute(sql`
      insert into activity_rsvps (activity_id, user_id, response, attendance)
      select a.id, u.id, 'going', 'present'
      from activities a
      join lateral (select id from users where role = 'member' order by md5(a.id || id::text) limit 5) u on true`);
    await db.execute(sql`
      insert into outcomes (user_id, kind, is_ess, starts_on, sharing)
      select id, 'cdi', true, current_date - (row_number() over (order by id) % 700)::int, 'facilitators'
      from users where role = 'member' order by id limit 600`);
    await db.execute(sql`
      insert into surveys (user_id, basis, due_on, invited_at, answered_at, question_version, situation, satisfaction)
      select id, 'cohort_end', current_date, now() - (n % 700) * interval '1 day',
             case when n % 3 = 0 then null else now() - (n % 700) * interval '1 day' + interval '2 days' end,
             case when n % 3 = 0 then null else 1 end,
             case when n % 3 = 0 then null else 'cdi' end,
             case when n % 3 = 0 then null else 1 + n % 5 end
      from (select id, row_number() over (order by id) as n from users where role = 'member') u`);
    await db.execute(sql`analyze`);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("reads each member's latest moments through their indexes (members summary)", async () => {
    await expectIndexes(
      (db) => getMembersSummary(db, filter("2026-01-01", "2026-12-31")),
      ["posts_author_idx", "checkins_user_week_idx", "activity_rsvps_user_idx"],
    );
  });

  it("reads the period's activities through activities_status_start_idx", async () => {
    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    await expectIndexes(
      (db) => getActivitiesSummary(db, filter(monthAgo, now.toISOString().slice(0, 10))),
      ["activities_status_start_idx"],
    );
  });

  it("reads a month's outcomes through outcomes_starts_idx", async () => {
    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    await expectIndexes(
      (db) => getOutcomesSummary(db, filter(monthAgo, now.toISOString().slice(0, 10))),
      ["outcomes_starts_idx"],
    );
  });

  it("reads a month's survey invitations and answers through their indexes", async () => {
    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    await expectIndexes(
      (db) => getSatisfactionSummary(db, filter(monthAgo, now.toISOString().slice(0, 10))),
      ["surveys_invited_idx", "surveys_answered_idx"],
    );
  });
});
