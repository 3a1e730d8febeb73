/**
 * npm run bench:live [-- --clients 200 --replies 50 --instances 1|2]
 * npm run bench:live -- --mode conversations [--members 500 --messages 2000 --rate 50 --instances 1|2]
 *   (private conversations: e2e/bench/live-conversations.ts)
 * Add `--db postgres` to run one instance on PostgreSQL (BENCH_DATABASE_URL) instead of PGlite.
 *
 * Starts the production server (one instance on a fresh PGlite folder; with --instances 2,
 * two instances on a fresh PostgreSQL database from BENCH_DATABASE_URL sharing events through
 * the PostgreSQL adapter, or Redis when BENCH_REDIS_URL is set), connects N authenticated
 * Socket.io clients to one thread, creates replies through the normal HTTP API, and prints
 * the delivery latency (request sent → event received by each client), lost messages and
 * the servers' peak RSS.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { io, type Socket } from "socket.io-client";
import { createDatabase, startServer, stopServer, type AppServer } from "../fixtures/servers";
import { createMember, flag, freePort, paragraphs, percentile, sampleRss, signIn, textFlag } from "./lib";

export type LiveBenchResult = {
  clients: number;
  replies: number;
  instances: number;
  adapter: string;
  delivered: number;
  lost: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  peakRssMiB: number[];
};

export async function runLiveBench(options: {
  clients: number;
  replies: number;
  instances: number;
  servers?: AppServer[];
}): Promise<LiveBenchResult> {
  const started = options.servers ? null : await startBenchServers(options.instances, "live");
  try {
    const servers = options.servers ?? started!.servers;
    const first = servers[0]!;
    const last = servers[servers.length - 1]!;

    // A few accounts share the watchers; a separate one posts.
    const watchers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createMember(first.url, `Lecteur ${i + 1}`)),
    );
    const poster = await createMember(first.url, "Autrice du fil");
    const watcherCookies = await Promise.all(watchers.map((member) => signIn(first.url, member.email)));
    const posterCookie = await signIn(last.url, poster.email);
    const headers = { "content-type": "application/json", cookie: posterCookie };
    const thread = (await (
      await fetch(`${last.url}/api/v1/channels/entraide/threads`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          title: "Fil de mesure en direct",
          body: paragraphs("Ouverture"),
          idempotencyKey: randomUUID(),
        }),
      })
    ).json()) as { id: number };

    const sentAt = new Map<number, number>();
    const latencies: number[] = [];
    const received = new Set<string>();
    const sockets: Socket[] = [];
    for (let i = 0; i < options.clients; i++) {
      const server = servers[i % servers.length]!;
      const socket = io(server.url, {
        transports: ["websocket"],
        extraHeaders: { cookie: watcherCookies[i % watcherCookies.length]! },
        reconnection: false,
      });
      socket.on("post:created", (event: { threadId: number; number: number }) => {
        const started = sentAt.get(event.number);
        const key = `${i}:${event.number}`;
        if (event.threadId !== thread.id || started === undefined || received.has(key)) return;
        received.add(key);
        latencies.push(performance.now() - started);
      });
      sockets.push(socket);
    }
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            const join = () =>
              socket.emit("join", `thread:${thread.id}`, (result: { ok: boolean }) =>
                result.ok ? resolve() : reject(new Error("join refused")),
              );
            if (socket.connected) join();
            else socket.once("connect", join);
            socket.once("connect_error", reject);
          }),
      ),
    );

    const rss = sampleRss(servers.map((server) => server.process.pid));
    for (let i = 0; i < options.replies; i++) {
      const number = i + 2;
      sentAt.set(number, performance.now());
      const response = await fetch(`${last.url}/api/v1/threads/${thread.id}/posts`, {
        method: "POST",
        headers,
        body: JSON.stringify({
          body: paragraphs(`Réponse ${i + 1} : un message de taille ordinaire pour la mesure.`),
          idempotencyKey: randomUUID(),
        }),
      });
      if (response.status !== 201) throw new Error(`reply ${i + 1}: ${response.status}`);
      const { post } = (await response.json()) as { post: { number: number } };
      if (post.number !== number) sentAt.set(post.number, sentAt.get(number)!);
    }
    const expected = options.clients * options.replies;
    const deadline = Date.now() + 10_000;
    while (received.size < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const peaks = rss.stop();
    for (const socket of sockets) socket.close();

    latencies.sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      clients: options.clients,
      replies: options.replies,
      instances: servers.length,
      adapter: started?.adapter ?? "memory",
      delivered: received.size,
      lost: expected - received.size,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN),
      },
      peakRssMiB: peaks.map((peak) => Math.round(peak)),
    };
  } finally {
    await started?.stop();
  }
}

/**
 * One instance on a fresh PGlite folder, or several on a fresh PostgreSQL database from
 * BENCH_DATABASE_URL sharing events through the PostgreSQL adapter (Redis with BENCH_REDIS_URL).
 */
export async function startBenchServers(instances: number, name: string, extraEnv: Record<string, string> = {}) {
  const owned: AppServer[] = [];
  let dropDatabase = async () => {};
  const dataDir = `data/bench-${name}-${process.pid}`;
  let adapter = "memory";
  const stop = async () => {
    await Promise.all(owned.map(stopServer));
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Several instances need a shared database; one instance uses PostgreSQL too with --db postgres.
    if (instances > 1 || textFlag("db", "pglite") === "postgres") {
      const adminUrl = process.env.BENCH_DATABASE_URL;
      if (!adminUrl)
        throw new Error(
          "--instances 2 and --db postgres need BENCH_DATABASE_URL (a PostgreSQL server to create a bench database on).",
        );
      const database = await createDatabase(adminUrl);
      dropDatabase = database.drop;
      const env = {
        DATABASE_URL: database.url,
        AUTH_SECRET: randomUUID() + randomUUID(),
        ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL } : {}),
        ...extraEnv,
      };
      adapter = process.env.BENCH_REDIS_URL ? "redis" : "postgres";
      const ports = await Promise.all(Array.from({ length: instances }, freePort));
      owned.push(...(await Promise.all(ports.map((port) => startServer(port, env)))));
    } else {
      rmSync(dataDir, { recursive: true, force: true });
      owned.push(await startServer(await freePort(), { DATA_DIR: dataDir, DATABASE_URL: "", ...extraEnv }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers: owned, adapter, stop };
}

export function printLiveResult(result: LiveBenchResult) {
  console.info(
    `live fan-out: ${result.clients} clients × ${result.replies} replies, ${result.instances} instance(s), adapter ${result.adapter}\n` +
      `  delivered ${result.delivered}, lost ${result.lost}\n` +
      `  latency p50 ${result.latencyMs.p50} ms · p95 ${result.latencyMs.p95} ms · p99 ${result.latencyMs.p99} ms · max ${result.latencyMs.max} ms\n` +
      `  server peak RSS ${result.peakRssMiB.map((mib) => `${mib} MiB`).join(", ")}`,
  );
}

if (process.argv[1]?.endsWith("live.ts") && process.argv.includes("conversations")) {
  void import("./live-conversations").then(({ main }) => main());
} else if (process.argv[1]?.endsWith("live.ts")) {
  runLiveBench({ clients: flag("clients", 200), replies: flag("replies", 50), instances: flag("instances", 1) })
    .then((result) => {
      printLiveResult(result);
      process.exit(result.lost === 0 ? 0 : 1);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
