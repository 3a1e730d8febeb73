/**
 * `npm run bench:impact`: the facilitators' Impact dashboard (every query of the page, run as the
 * page runs them) on a fresh PostgreSQL database (TEST_DATABASE_URL or DATABASE_URL) holding
 * 2,000 members, 100,000 posts, 20,000 check-ins, 1,000 activities (with RSVPs and attendance)
 * 600 outcomes and 1,000 six-month surveys, generated with set-based SQL. Without a PostgreSQL URL, runs on PGlite.
 * Prints figures; asserts nothing (the budget — 300 ms — is read, not enforced).
 */
import { performance } from "node:perf_hooks";
import { allowServerOnlyModules } from "../../lib/jobs/node-server-only";
import { flag, percentile } from "./lib";

allowServerOnlyModules();
process.env.AUTH_SECRET ??= "bench-secret-".padEnd(40, "x");

const MEMBERS = flag("members", 2_000);
const POSTS = flag("posts", 100_000);
const CHECKINS = flag("checkins", 20_000);
const ACTIVITIES = flag("activities", 1_000);
const RUNS = flag("runs", 20);

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const { openDb, migrateDb } = await import("../../db/client");
  const { createScratchDatabase } = await import("../../db/testing");
  const { setDbHandle } = await import("../../lib/db");
  const { sql } = await import("drizzle-orm");
  const { getImpactDashboard, getPositiveKinds } = await import("../../lib/impact/service");
  const impact = await import("../../db/queries/impact");
  const { getSatisfactionSummary } = await import("../../db/queries/impact-satisfaction");

  const scratch = adminUrl ? await createScratchDatabase(adminUrl, "propulse_bench") : null;
  const logged: string[] = [];
  const handle = openDb({ databaseUrl: scratch?.url, onQuery: (query) => logged.push(query) });
  await migrateDb(handle);
  setDbHandle(handle);
  const { db } = handle;
  const started = performance.now();
  try {
    const weeks = Math.ceil(CHECKINS / MEMBERS) * 2;
    await db.execute(sql`
      insert into users (name, email, password_hash, role, created_at)
      select 'Membre ' || i, 'bench-' || i || '@bench.test', 'x', 'member', now() - (i % 365) * interval '1 day'
      from generate_series(1, ${MEMBERS}) i`);
    await db.execute(
      sql`insert into users (name, email, password_hash, role) values ('Anim', 'anim@bench.test', 'x', 'facilitator')`,
    );
    await db.execute(sql`
      insert into cohorts (name, starts_on, ends_on)
      select 'Promo ' || i, current_date - (i * 120), current_date - (i * 120) + 180 from generate_series(0, 3) i`);
    await db.execute(sql`
      insert into cohort_members (user_id, cohort_id)
      select u.id, c.id
      from (select id, row_number() over (order by id) % 4 as k from users where role = 'member') u
      join (select id, row_number() over (order by id) - 1 as k from cohorts) c on c.k = u.k`);
    await db.execute(sql`
      insert into threads (channel_id, author_id, title, slug, last_post_number)
      select (select id from channels where slug = 'entraide'), u.id, 'Fil ' || u.email, 'fil', 1
      from users u where u.role = 'member'`);
    await db.execute(sql`
      insert into posts (thread_id, author_id, number, body, created_at)
      select t.id, t.author_id, g + 1, '{}'::jsonb, now() - (g % 200) * interval '1 day'
      from threads t, generate_series(1, ${Math.ceil(POSTS / MEMBERS)}) g`);
    await db.execute(sql`
      insert into checkin_weeks (week_start, questions)
      select current_date - (i * 7), '{}'::jsonb from generate_series(0, ${weeks - 1}) i`);
    await db.execute(sql`
      insert into checkins (week_id, user_id, goals, created_at)
      select w.id, u.id, '["x"]'::jsonb, w.week_start::timestamptz
      from checkin_weeks w cross join (select id from users where role = 'member') u
      where (hashtext(u.id::text || w.id) % 2 = 0)
      limit ${CHECKINS}`);
    await db.execute(sql`
      insert into activities (title, kind, starts_at, ends_at, host_id, proposed_by_id, status)
      select 'Atelier ' || i, 'atelier', now() - (i % 365) * interval '1 day', now() - (i % 365) * interval '1 day' + interval '2 hours',
             u.id, u.id, 'published'
      from generate_series(1, ${ACTIVITIES}) i
      join lateral (select id from users order by id limit 1 offset (i % ${MEMBERS})) u on true`);
    await db.execute(sql`
      insert into activity_rsvps (activity_id, user_id, response, attendance)
      select a.id, u.id, 'going', case when (a.id + length(u.id::text)) % 3 = 0 then 'absent' else 'present' end
      from activities a
      join lateral (select id from users where role = 'member' order by md5(a.id || id::text) limit 8) u on true`);
    await db.execute(sql`
      insert into outcomes (user_id, kind, is_ess, starts_on, sharing)
      select u.id, (array['cdi','cdd_long','cdd_short','alternance','formation','creation','other'])[1 + (row_number() over () % 7)],
             (row_number() over ()) % 3 <> 0, current_date - (row_number() over () % 300)::int,
             (array['community','facilitators','nobody'])[1 + (row_number() over () % 3)]
      from (select id from users where role = 'member' order by id limit ${Math.round(MEMBERS * 0.3)}) u`);
    await db.execute(sql`
      insert into surveys (user_id, basis, due_on, invited_at, answered_at, question_version, situation, satisfaction)
      select id, 'cohort_end', current_date, now() - (n % 400) * interval '1 day',
             case when n % 3 = 0 then null else now() - (n % 400) * interval '1 day' + interval '2 days' end,
             case when n % 3 = 0 then null else 1 end, case when n % 3 = 0 then null else 'cdi' end,
             case when n % 3 = 0 then null else 1 + n % 5 end
      from (select id, row_number() over (order by id) as n from users where role = 'member') u
      where n % 2 = 0`);
    await db.execute(sql`analyze`);
    const seeded = performance.now() - started;
    const [staff] = (
      (await db.execute(sql`select id, role, status from users where role = 'facilitator'`)) as unknown as {
        rows: { id: string; role: "facilitator"; status: "active" }[];
      }
    ).rows;
    const ctx = { db, actor: staff! };
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const samples: number[] = [];
    const cohortSamples: number[] = [];
    await getImpactDashboard(ctx, { from, to: today });
    for (let run = 0; run < RUNS; run++) {
      let start = performance.now();
      await getImpactDashboard(ctx, { from, to: today });
      samples.push(performance.now() - start);
      start = performance.now();
      await getImpactDashboard(ctx, { cohort: 1 });
      cohortSamples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    cohortSamples.sort((a, b) => a - b);
    const counts = (
      (await db.execute(sql`select (select count(*) from users) users, (select count(*) from posts) posts,
        (select count(*) from checkins) checkins, (select count(*) from activities) activities,
        (select count(*) from activity_rsvps) rsvps, (select count(*) from outcomes) outcomes`)) as unknown as {
        rows: Record<string, unknown>[];
      }
    ).rows[0];
    console.log(`[bench:impact] ${handle.driver} — data generated in ${(seeded / 1000).toFixed(1)} s:`, counts);
    console.log(
      `[bench:impact] dashboard, all members, 12 months: median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms (${RUNS} runs; budget 300 ms)`,
    );
    console.log(
      `[bench:impact] dashboard, one cohort: median ${percentile(cohortSamples, 50).toFixed(1)} ms, p95 ${percentile(cohortSamples, 95).toFixed(1)} ms`,
    );
    // Each query alone, in sequence (the page runs them in parallel on the pool).
    const filter = { cohortId: null, from, to: today, now: new Date(), positiveKinds: await getPositiveKinds(db) };
    const parts: Record<string, () => Promise<unknown>> = {
      members: () => impact.getMembersSummary(db, filter),
      weeks: () => impact.listCheckinParticipation(db, filter),
      outcomes: () => impact.getOutcomesSummary(db, filter),
      activities: () => impact.getActivitiesSummary(db, filter),
      reviews: () => impact.getReviewsSummary(db, filter),
      named: () => impact.listNamedOutcomes(db, filter),
      followUp: () => impact.listMembersWithContext(db, filter, { toFollowUp: true, limit: 200 }),
      satisfaction: () => getSatisfactionSummary(db, filter),
    };
    const breakdown: string[] = [];
    for (const [name, run] of Object.entries(parts)) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      breakdown.push(`${name} ${percentile(times, 50).toFixed(1)}`);
    }
    console.log(`[bench:impact] per query, median ms: ${breakdown.join(", ")}`);
    if (process.env.BENCH_KEEP) console.log(logged.slice(-3).join("\n----\n"));
  } finally {
    await handle.close();
    if (process.env.BENCH_KEEP) console.log(`[bench:impact] kept ${scratch?.url}`);
    else await scratch?.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
