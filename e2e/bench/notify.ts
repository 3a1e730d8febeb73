/**
 * `npm run bench:notify`: what notifications cost, in-process on a fresh database (embedded
 * PGlite, and PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set).
 *   1. publishing a reply in a thread nobody follows, then in one followed by 1,000 members
 *      (median and p95 over 20 replies each, and how many INSERTs the notifications took), and
 *      the fan-out alone: in the app it runs after the response (lib/after-response.ts), here
 *      (no request) inline, so the member's wait is the first figure minus the fan-out;
 *   2. the bell's unread count and first page with 100,000 notifications in the table.
 * Prints figures; asserts nothing (budgets are read, not enforced, see README).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { allowServerOnlyModules } from "../../lib/jobs/node-server-only";
import { flag, percentile } from "./lib";

allowServerOnlyModules();
process.env.RATE_LIMITS = "off";
process.env.REQUEST_LIMIT = "off";
process.env.AUTH_SECRET ??= "bench-secret-".padEnd(40, "x");

const FOLLOWERS = flag("followers", 1_000);
const NOTIFICATIONS = flag("notifications", 100_000);
const RUNS = flag("runs", 20);

type Figures = Record<string, string | number>;

async function timed(runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50).toFixed(1), p95: percentile(samples, 95).toFixed(1) };
}

async function benchOn(adminUrl: string | undefined): Promise<Figures> {
  const { openDb, migrateDb } = await import("../../db/client");
  const { createScratchDatabase } = await import("../../db/testing");
  const { setDbHandle } = await import("../../lib/db");
  const { sql } = await import("drizzle-orm");
  const schema = await import("../../db/schema");
  const { publishReply, publishThread } = await import("../../lib/forum/publish");
  const { countMyUnread, listMyNotifications } = await import("../../lib/notifications/service");
  const { notifyPostPublished } = await import("../../lib/notifications/fanout");
  const { documentFromText } = await import("../../lib/editor/render");

  const scratch = adminUrl ? await createScratchDatabase(adminUrl, "propulse_bench") : null;
  let statements: string[] = [];
  const handle = openDb({ databaseUrl: scratch?.url, onQuery: (query) => statements.push(query) });
  await migrateDb(handle);
  setDbHandle(handle);
  const { db } = handle;
  try {
    const users = await db
      .insert(schema.users)
      .values(
        Array.from({ length: FOLLOWERS + 2 }, (_, index) => ({
          name: `Membre ${index}`,
          email: `bench-${index}-${randomUUID().slice(0, 6)}@bench.test`,
          passwordHash: "x",
        })),
      )
      .returning();
    const [author, replier, ...followers] = users;
    const [channel] = await db
      .select()
      .from(schema.channels)
      .where(sql`slug = 'entraide'`);
    const actorOf = (user: typeof author) => ({ id: user!.id, role: user!.role, status: user!.status });
    const thread = async (title: string) =>
      (await publishThread({ db, actor: actorOf(author) }, { channel: channel!, title, body: documentFromText(title) }))
        .thread;
    const replyIn = (target: Awaited<ReturnType<typeof thread>>) => () =>
      publishReply(
        { db, actor: actorOf(replier) },
        {
          thread: target,
          channel: channel!,
          body: documentFromText("Une réponse de bench"),
          idempotencyKey: randomUUID(),
        },
      );

    const quiet = await thread("Un fil que seul son auteur suit");
    const alone = await timed(RUNS, replyIn(quiet));
    const followed = await thread("Un fil suivi par mille membres");
    await db
      .insert(schema.threadFollows)
      .values(followers.map((user) => ({ userId: user.id, threadId: followed.id, level: "watching" as const })));
    statements = [];
    const crowd = await timed(RUNS, replyIn(followed));
    const inserts = statements.filter((query) => /^insert into "notifications"/i.test(query.trim())).length / RUNS;
    const { post } = await replyIn(followed)();
    const fanout = await timed(RUNS, () =>
      notifyPostPublished(db, { thread: followed, channel: channel!, post, isNewThread: false }),
    );

    // 100,000 notifications: most members have a few; the bell's reader has 10,000, 2,000 unread.
    const reader = followers[0]!;
    await db.execute(sql`
      insert into notifications (user_id, kind, actor_id, thread_id, created_at, read_at)
      select (array(select id from users))[1 + (n % ${users.length})], 'watching', ${author!.id}::uuid, ${followed.id},
        now() - make_interval(secs => n), case when n % 3 = 0 then null else now() end
      from generate_series(1, ${NOTIFICATIONS - 10_000}) n`);
    await db.execute(sql`
      insert into notifications (user_id, kind, actor_id, thread_id, created_at, read_at)
      select ${reader.id}::uuid, 'reply_to_me', ${author!.id}::uuid, ${followed.id},
        now() - make_interval(secs => n), case when n % 5 = 0 then null else now() end
      from generate_series(1, 10000) n`);
    await db.execute(sql`analyze notifications`);
    const ctx = { db, actor: actorOf(reader) };
    const unread = await countMyUnread(ctx);
    const count = await timed(50, () => countMyUnread(ctx));
    const t = (key: string) => key;
    const page = await timed(50, () => listMyNotifications(ctx, { t }));
    const [{ total }] = (await db.execute<{ total: number }>(sql`select count(*)::int as total from notifications`))
      .rows as [{ total: number }];
    return {
      database: handle.driver,
      "reply, 0 followers (ms, median / p95)": `${alone.median} / ${alone.p95}`,
      [`reply, ${FOLLOWERS} followers, fan-out inline (ms, median / p95)`]: `${crowd.median} / ${crowd.p95}`,
      [`fan-out alone, ${FOLLOWERS} followers, after the response (ms, median / p95)`]: `${fanout.median} / ${fanout.p95}`,
      "INSERTs per reply into notifications": inserts,
      "notifications in the table": total,
      "bell count (ms, median / p95)": `${count.median} / ${count.p95} (shows ${unread})`,
      "bell first page (ms, median / p95)": `${page.median} / ${page.p95}`,
    };
  } finally {
    await handle.close();
    await scratch?.drop();
  }
}

async function main() {
  const results = [await benchOn(undefined)];
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (adminUrl) results.push(await benchOn(adminUrl));
  for (const figures of results) {
    console.info(`\n${figures.database}`);
    for (const [name, value] of Object.entries(figures)) if (name !== "database") console.info(`  ${name}: ${value}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
