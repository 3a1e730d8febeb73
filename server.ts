import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import next from "next";
import { openDb, migrateDb, type DbHandle } from "./db/client";
import { setDbHandle } from "./lib/db";
import { seedIfEmpty } from "./db/seed";
import { isBuildFresh } from "./lib/build-freshness";
import { CLIENT_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress } from "./lib/client-address";
import { EnvError, getEnv } from "./lib/env";
import { allowServerOnlyModules } from "./lib/jobs/node-server-only";
import { noteDatabaseError, setDatabaseProbe } from "./lib/db-outage";
import { countQuery, runCounted } from "./lib/query-counter";
import type { RequestLimiter } from "./lib/rate-limit/requests";
import { answerIfDatabaseDown, answerIfDiskLow } from "./lib/unavailable-response";
import { startDiskWatch } from "./lib/disk-space";

const isDev = process.argv.includes("--dev");

function failToListen(error: NodeJS.ErrnoException, env: { HOSTNAME: string; PORT: number }) {
  const where = `${env.HOSTNAME}:${env.PORT}`;
  const reason =
    error.code === "EADDRINUSE"
      ? `port ${where} is already in use (another instance still running?)`
      : error.code === "EACCES"
        ? `no permission to listen on ${where}`
        : error.message;
  console.error(`[start] Could not listen: ${reason}. Exiting.`);
  // Leaves a moment for the database handle to close; the exit code is set either way.
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 2_000).unref();
}

/** Binds and releases the port: the error a real listen would get, or null. */
function probePort(port: number, host: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error));
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

async function main() {
  // The live events and job workers use the app's services, which are marked server-only:
  // allowed in this process, which is all server (imported dynamically below, after this).
  allowServerOnlyModules();
  const env = getEnv();
  // Compiled (`npm start`, `.next/node/server.mjs`): npm start checked the build before. From
  // the sources (`node --import tsx server.ts`, tests and tools): build here when needed.
  const isCompiled = import.meta.url.endsWith(".mjs");
  if (!isDev && !isCompiled && !isBuildFresh()) {
    console.info("[start] No up-to-date production build: running `npm run build` first…");
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const startedAt = Date.now();
  // A taken port is known in a millisecond: say so before spending seconds on migrations.
  const portError = await probePort(env.PORT, env.HOSTNAME);
  if (portError) return failToListen(portError, env);
  const hasTestHooks = env.E2E_HOOKS === "1";
  // The embedded database and local uploads live under DATA_DIR: below DISK_MIN_FREE_MB free,
  // writes are refused (507) before PGlite runs out of room (it would hang the process).
  if (!env.DATABASE_URL || !env.S3_BUCKET) {
    await startDiskWatch({ dir: env.DATA_DIR, minFreeBytes: env.DISK_MIN_FREE_MB * 1024 * 1024 });
  }
  const handle: DbHandle = openDb({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    poolMax: env.DATABASE_POOL_MAX,
    onQuery: hasTestHooks ? countQuery : undefined,
  });
  await migrateDb(handle);
  if (handle.driver === "pglite" && env.SEED_ON_EMPTY === "true") {
    const seeded = await seedIfEmpty(handle.db);
    if (seeded) console.info("[start] Empty embedded database: demo content created (see README for the accounts).");
  }
  setDbHandle(handle);
  // A lost connection opens an outage (503 at the door) that a probe closes when the database is back.
  setDatabaseProbe(() => handle.ping());
  handle.pool?.on("error", noteDatabaseError);

  const app = next({ dev: isDev, hostname: env.HOSTNAME, port: env.PORT });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  let isShuttingDown = false;
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  let requestLimiter: RequestLimiter | null = null;
  const httpServer = createServer((req, res) => {
    // Per-address limits trust this header only: it replaces whatever the client sent under that name.
    req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      trustProxy,
    );
    if (requestLimiter?.refuse(req, res)) return;
    // Once shutdown starts, no connection is kept for another request.
    if (isShuttingDown) res.setHeader("Connection", "close");
    if (answerIfDatabaseDown(req, res)) return;
    if (answerIfDiskLow(req, res)) return;
    const testRequestId = hasTestHooks ? req.headers["x-test-request-id"] : undefined;
    if (typeof testRequestId === "string") void runCounted(testRequestId, () => handleRequest(req, res));
    else void handleRequest(req, res);
  });
  // Longer than clients' idle timeouts (Node's default is 5 s): otherwise a client may reuse a
  // keep-alive socket at the very moment the server closes it, and its request fails (ECONNRESET).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const { attachRealtime } = await import("./lib/realtime/server");
  const realtime = await attachRealtime(httpServer, env);
  // After the live events: a delivery job asks them whether its recipient is online.
  const { createRequestLimiter } = await import("./lib/rate-limit/requests");
  requestLimiter = createRequestLimiter({
    limit: env.REQUEST_LIMIT,
    windowSeconds: env.REQUEST_LIMIT_WINDOW_SECONDS,
    db: handle.driver === "pglite" ? undefined : handle.db,
  });
  const jobs = await import("./lib/jobs");
  await jobs.startJobs(handle, env);

  // Not listening is fatal: a process that stays up without its port only hides the failure.
  httpServer.once("error", (error: NodeJS.ErrnoException) => {
    void handle.close().catch(() => {});
    failToListen(error, env);
  });
  httpServer.listen(env.PORT, env.HOSTNAME, () => {
    const shownHost = env.HOSTNAME === "0.0.0.0" ? "localhost" : env.HOSTNAME;
    console.info(
      `[start] Ready on http://${shownHost}:${env.PORT} (${handle.driver}, live events: ${realtime.adapterName}${isDev ? ", dev" : ""}) in ${Date.now() - startedAt} ms`,
    );
  });

  const shutdown = (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    const stoppingAt = Date.now();
    console.info(`[start] ${signal}: finishing in-flight requests…`);
    // Live connections would keep the server open: end them (clients reconnect elsewhere).
    void realtime.close().catch((error) => console.error("[start] closing live events:", error));
    // Stop accepting; close() waits for open requests, idle keep-alive sockets are dropped.
    httpServer.close(async () => {
      // After the last request (its jobs are enqueued), before the database closes: running jobs
      // finish, or are failed to be retried by another instance or the next start.
      await jobs.stopJobs().catch((error) => console.error("[start] stopping the job queue:", error));
      await handle.close().catch((error) => console.error("[start] closing the database:", error));
      console.info(`[start] Stopped in ${Date.now() - stoppingAt} ms`);
      process.exit(0);
    });
    // Keep-alive sockets: the idle ones close now; busy ones answer their request with
    // `Connection: close` (above) and close after it, or as soon as they fall idle.
    httpServer.closeIdleConnections();
    setInterval(() => httpServer.closeIdleConnections(), 100).unref();
    setTimeout(() => {
      console.error("[start] Shutdown deadline (10 s) reached: closing the remaining connections");
      httpServer.closeAllConnections();
      process.exit(1);
    }, 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error) => {
  if (error instanceof EnvError) {
    console.error(`[start] ${error.message}`);
  } else {
    console.error("[start] Could not start:", error);
  }
  process.exit(1);
});
