/**
 * npm run bench [-- --duration 20 --connections 10,50 --skip-live]
 *
 * Seeds the standard workload in a dedicated database (a fresh PostgreSQL database on
 * BENCH_DATABASE_URL, else a fresh PGlite folder), starts the production server on a free
 * port (building it first if needed), measures each step with autocannon, runs the live
 * fan-out bench with 200 and 500 watchers, prints a table and writes bench-results/<date>.json.
 */
import { execSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { migrateDb, openDb } from "@/db/client";
import { createDatabase, startServer, stopServer, type AppServer } from "../fixtures/servers";
import { cpuMs, flag, freePort, paragraphs, sampleRss, signIn } from "./lib";
import { printLiveResult, runLiveBench, type LiveBenchResult } from "./live";
import { seedWorkload } from "./workload";

type StepResult = {
  step: string;
  connections: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  requests: number;
  errors: number;
  non2xx: number;
  isFailed: boolean;
  /** The server's CPU time during the step divided by the requests it answered. */
  cpuMsPerRequest: number;
};

const duration = flag("duration", 20);
const connectionLevels = (process.argv[process.argv.indexOf("--connections") + 1] ?? "")
  .split(",")
  .map(Number)
  .filter((value) => value > 0);
const levels = process.argv.includes("--connections") && connectionLevels.length ? connectionLevels : [10, 50];
const skipLive = process.argv.includes("--skip-live");

/** The server process whose CPU time each step reads. */
let serverPid: number | undefined;

async function measure(step: string, connections: number, options: autocannon.Options): Promise<StepResult> {
  const cpuBefore = cpuMs(serverPid);
  const result = await autocannon({ connections, duration, timeout: 20, ...options });
  const cpuSpent = cpuMs(serverPid) - cpuBefore;
  const row: StepResult = {
    step,
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    isFailed: result.errors + result.timeouts + result.non2xx > 0,
    cpuMsPerRequest: result.requests.total ? Math.round((cpuSpent / result.requests.total) * 10) / 10 : NaN,
  };
  console.info(
    `  ${step} ×${connections}: ${row.requestsPerSecond} req/s, p50 ${row.latencyMs.p50} ms, p99 ${row.latencyMs.p99} ms, ${row.cpuMsPerRequest} ms CPU/req${row.isFailed ? "  FAILED" : ""}`,
  );
  return row;
}

async function main() {
  const startedAt = Date.now();
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const dataDir = `data/bench-${Date.now()}`;
  let database: Awaited<ReturnType<typeof createDatabase>> | null = null;
  let server: AppServer | null = null;
  try {
    // 1. The workload, written before the server starts (one process per PGlite folder).
    if (adminUrl) database = await createDatabase(adminUrl);
    const handle = openDb(database ? { databaseUrl: database.url } : { dataDir });
    await migrateDb(handle);
    console.info(`Seeding the workload (${handle.driver})…`);
    const workload = await seedWorkload(handle.db);
    const threadRows = await handle.db.query.threads.findMany({ columns: { id: true, slug: true }, limit: 200 });
    await handle.close();

    // 2. The production server (built first when needed).
    const env: Record<string, string> = database
      ? { DATABASE_URL: database.url, AUTH_SECRET: randomUUID() + randomUUID() }
      : { DATA_DIR: dataDir, DATABASE_URL: "" };
    server = await startServer(await freePort(), { ...env, ...benchLimits() }, { timeoutMs: 600_000 });
    const base = server.url;
    const cookie = await signIn(base, workload.members[0]!.email);
    const sample = workload.sampleThread;
    const threadPath = `/c/${workload.channelSlug}/${sample.id}-${sample.slug}`;
    const rss = sampleRss([server.process.pid]);
    serverPid = server.process.pid;

    // 3. The HTTP steps.
    const results: StepResult[] = [];
    console.info(`Measuring (${duration} s per step)…`);
    for (const connections of levels) {
      results.push(await measure("thread page, visitor", connections, { url: base + threadPath }));
      results.push(await measure("thread page, member", connections, { url: base + threadPath, headers: { cookie } }));
      results.push(await measure("channel page", connections, { url: `${base}/c/${workload.channelSlug}` }));
      results.push(await measure("home, member", connections, { url: `${base}/`, headers: { cookie } }));
      results.push(
        await measure("thread JSON API", connections, {
          url: `${base}/api/v1/threads/${sample.id}`,
          headers: { cookie },
        }),
      );
      let counter = 0;
      results.push(
        await measure("create reply", connections, {
          url: base,
          amount: 2_000,
          requests: [
            {
              method: "POST",
              setupRequest: (request) => {
                const thread = threadRows[counter++ % threadRows.length]!;
                return {
                  ...request,
                  path: `/api/v1/threads/${thread.id}/posts`,
                  headers: { "content-type": "application/json", cookie },
                  body: JSON.stringify({
                    body: paragraphs(`Réponse de charge ${counter} : merci pour ce partage.`),
                    idempotencyKey: randomUUID(),
                  }),
                };
              },
            },
          ],
        }),
      );
    }

    // 4. Live fan-out on the same server.
    const live: LiveBenchResult[] = [];
    if (!skipLive) {
      for (const clients of [200, 500]) {
        const result = await runLiveBench({ clients, replies: 50, instances: 1, servers: [server] });
        printLiveResult(result);
        live.push(result);
      }
    }
    const [peakRss] = rss.stop();

    // 5. Report.
    const table = results.map((row) => ({
      step: row.step,
      conns: row.connections,
      "req/s": row.requestsPerSecond,
      "p50 ms": row.latencyMs.p50,
      "p90 ms": row.latencyMs.p90,
      "p99 ms": row.latencyMs.p99,
      "CPU ms/req": row.cpuMsPerRequest,
      errors: row.errors,
      "non-2xx": row.non2xx,
      status: row.isFailed ? "FAILED" : "ok",
    }));
    console.table(table);
    printHtmlAgainstApi(results);
    const report = {
      date: new Date().toISOString(),
      commit: safe(() => execSync("git rev-parse --short HEAD").toString().trim()),
      node: process.version,
      database: database ? "postgres" : "pglite",
      durationPerStepSeconds: duration,
      serverPeakRssMiB: Math.round(peakRss ?? 0),
      steps: results,
      live,
      totalSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    mkdirSync("bench-results", { recursive: true });
    const file = `bench-results/${report.date.replace(/[:.]/g, "-")}.json`;
    writeFileSync(file, JSON.stringify(report, null, 2));
    console.info(`Server peak RSS ${report.serverPeakRssMiB} MiB · ${report.totalSeconds} s in all · report: ${file}`);
    process.exitCode = results.some((row) => row.isFailed) || live.some((row) => row.lost > 0) ? 1 : 0;
  } finally {
    if (server) await stopServer(server);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Each HTML page beside the JSON API serving the same thread, at each concurrency: the rate it
 * reaches and the CPU it costs per request, as ratios (they hold better than absolute figures on
 * a shared machine).
 */
function printHtmlAgainstApi(results: StepResult[]) {
  for (const connections of levels) {
    const api = results.find((row) => row.step === "thread JSON API" && row.connections === connections);
    if (!api) continue;
    for (const page of results.filter((row) => row.connections === connections && /page|home/.test(row.step))) {
      const rate = (page.requestsPerSecond / api.requestsPerSecond).toFixed(2);
      const cpu = (page.cpuMsPerRequest / api.cpuMsPerRequest).toFixed(2);
      console.info(`  ×${connections} ${page.step}: ${rate}× the JSON API's rate, ${cpu}× its CPU per request`);
    }
  }
}

/** The bench posts thousands of replies from a few accounts: lift the anti-spam limits. */
function benchLimits(): Record<string, string> {
  return { E2E_HOOKS: "1", RATE_LIMITS: "off", REQUEST_LIMIT: "off" };
}

function safe(fn: () => string): string | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
