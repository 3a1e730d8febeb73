/**
 * `npm run bench:search`: search latency, in-process on a fresh database seeded with the standard
 * workload (e2e/bench/workload.ts) grown to `--posts` posts (100,000 by default), then varied with
 * extra French sentences and titles (accents, plurals, conjugations). On embedded PGlite, and on
 * PostgreSQL too when TEST_DATABASE_URL or DATABASE_URL is set.
 * For 20 representative queries, prints p50/p95/p99 of the results page (`search`) and of the
 * header suggestions (`suggest`), at concurrency 1 and 10. Asserts nothing: budgets are read
 * (README, "Search").
 */
import { performance } from "node:perf_hooks";
import { allowServerOnlyModules } from "../../lib/jobs/node-server-only";
import { flag, percentile } from "./lib";

allowServerOnlyModules();
process.env.AUTH_SECRET ??= "bench-secret-".padEnd(40, "x");

const POSTS = flag("posts", 100_000);
const POSTS_PER_THREAD = 20;
const ROUNDS = flag("rounds", 5);

/** Extra vocabulary mixed into the workload's posts: what members actually ask about. */
const EXTRA = [
  "Ma candidature spontanée est restée sans réponse, faut-il relancer la structure ?",
  "Les candidatures spontanées marchent bien dans les petites associations.",
  "J'ai décroché un entretien d'embauche dans une coopérative d'activité et d'emploi.",
  "Quel salaire demander pour un premier CDI de chargé de mission ?",
  "Les élèves de la promotion ont organisé une collecte pour l'épicerie solidaire.",
  "Le télétravail est possible deux jours par semaine dans cette mutuelle.",
  "Elle a réussi sa reconversion professionnelle après un bilan de compétences.",
  "Nous recrutons un coordinateur bénévole pour le festival de l'économie circulaire.",
  "Comment rédiger une lettre de motivation percutante pour une fondation ?",
  "Le réseau des ressourceries cherche des animatrices et des animateurs.",
  "Il faudrait négocier la période d'essai avant de signer le contrat.",
  "Mon stage de fin d'études s'est transformé en alternance à la rentrée.",
];
const TITLES = [
  "Candidature spontanée : comment relancer ?",
  "Négocier son salaire dans une association",
  "Reconversion vers l'ESS après quarante ans",
  "Télétravail et mutuelles : retours d'expérience",
  "Lettre de motivation pour une fondation",
];

const QUERIES = [
  "candidature spontanée",
  "candidatures spontanees",
  "relancer",
  "entretien",
  "entretien collectif coopérative",
  "salaire",
  "négocier salaire",
  "eleves",
  "teletravail mutuelle",
  "reconversion",
  "lettre de motivation",
  '"lettre de motivation" fondation',
  "alternance -stage",
  "cand",
  "candidature spon",
  "ressourcerie",
  "coordinatrice bénévole",
  "econimie",
  "pitch minute",
  "xylophone introuvable",
];

type Row = { database: string; what: string; concurrency: number; p50: string; p95: string; p99: string; n: number };

async function measure(fn: (q: string) => Promise<unknown>, concurrency: number): Promise<number[]> {
  const jobs = Array.from({ length: ROUNDS }, () => QUERIES).flat();
  const samples: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const q = jobs[next++]!;
        const start = performance.now();
        await fn(q);
        samples.push(performance.now() - start);
      }
    }),
  );
  return samples.sort((a, b) => a - b);
}

async function benchOn(adminUrl: string | undefined): Promise<Row[]> {
  const { openDb, migrateDb } = await import("../../db/client");
  const { createScratchDatabase } = await import("../../db/testing");
  const { setDbHandle } = await import("../../lib/db");
  const { sql } = await import("drizzle-orm");
  const { seedWorkload } = await import("./workload");
  const { search, suggest } = await import("../../lib/search/service");
  const { searchInputSchema } = await import("../../lib/validation/search");

  const scratch = adminUrl ? await createScratchDatabase(adminUrl, "propulse_bench") : null;
  const handle = openDb({ databaseUrl: scratch?.url, poolMax: 10 });
  try {
    await migrateDb(handle);
    setDbHandle(handle);
    const { db } = handle;
    const textArray = (items: string[]) =>
      sql`(array[${sql.join(
        items.map((item) => sql`${item}`),
        sql`, `,
      )}]::text[])`;
    const seeding = performance.now();
    const { members } = await seedWorkload(db, {
      threadCount: Math.ceil(POSTS / POSTS_PER_THREAD),
      postsPerThread: 20,
    });
    // Variety: a third of the posts get one of the extra sentences, one thread in seven a real title.
    await db.execute(sql`update posts set body_text = body_text || ' ' || ${textArray(EXTRA)}[1 + (id % ${EXTRA.length})]
      where id % 3 = 0`);
    await db.execute(sql`update threads set title = ${textArray(TITLES)}[1 + (id % ${TITLES.length})] || ' (' || id || ')'
      where id % 7 = 0`);
    // What autovacuum does in production after such a bulk load (the test clusters run without
    // it): merge the GIN indexes' pending lists, which every search would otherwise scan, drop
    // the rows the updates above left behind, and refresh the statistics.
    await db.execute(sql`vacuum analyze`);
    const seconds = ((performance.now() - seeding) / 1000).toFixed(0);
    const [{ count }] = (await db.execute<{ count: number }>(sql`select count(*)::int as count from posts`)).rows as [
      { count: number },
    ];
    console.log(`[${handle.driver}] ${count} posts seeded in ${seconds} s`);
    const member = members[0]!;
    const ctx = { db, actor: { id: member.id, role: "member" as const, status: "active" as const } };
    const rows: Row[] = [];
    if (process.argv.includes("--per-query")) {
      for (const q of QUERIES) {
        const time = async (fn: () => Promise<unknown>) => {
          await fn();
          const start = performance.now();
          await fn();
          return (performance.now() - start).toFixed(1);
        };
        console.log(
          q.padEnd(36),
          await time(() => search(ctx, searchInputSchema.parse({ q }))),
          await time(() => search(ctx, searchInputSchema.parse({ q, sort: "date" }))),
          await time(() => suggest(ctx, q)),
        );
      }
    }
    const runs: [string, (q: string) => Promise<unknown>][] = [
      ["results page", (q) => search(ctx, searchInputSchema.parse({ q }))],
      ["results page, by date", (q) => search(ctx, searchInputSchema.parse({ q, sort: "date" }))],
      ["suggestions", (q) => suggest(ctx, q)],
    ];
    for (const [what, fn] of runs) {
      await measure(fn, 1); // warm-up
      for (const concurrency of [1, 10]) {
        const samples = await measure(fn, concurrency);
        const p = (n: number) => percentile(samples, n).toFixed(1);
        rows.push({
          database: handle.driver,
          what,
          concurrency,
          p50: p(50),
          p95: p(95),
          p99: p(99),
          n: samples.length,
        });
      }
    }
    return rows;
  } finally {
    await handle.close();
    if (process.argv.includes("--keep")) console.log(`kept ${scratch?.url}`);
    else await scratch?.drop();
  }
}

const postgresUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const skipPglite = process.argv.includes("--postgres-only");
const results = [...(postgresUrl ? await benchOn(postgresUrl) : []), ...(skipPglite ? [] : await benchOn(undefined))];
console.log(`\n${QUERIES.length} queries × ${ROUNDS} rounds, ${POSTS} posts (ms):`);
console.table(results);
process.exit(0);
