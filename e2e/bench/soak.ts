/**
 * npm run soak [-- --seconds 300 --sockets 200 --writers 4 --readers 4 --port 3290 --pg-port 5439]
 *
 * A bounded soak (at most 10 minutes, `--seconds` shorter): two production instances on a private
 * PostgreSQL cluster (pg_createcluster, never the shared server) sharing live events through the
 * postgres adapter, `--sockets` Socket.io clients on one thread split between them, and a steady
 * mix of keyed replies (each retried with its idempotency key until acknowledged) and reads. A
 * quarter of the way in it bounces the database (fast stop, 10 s down, start); halfway (once
 * recovered) it restarts the second instance. It then prints acknowledged replies lost (must be
 * 0), duplicated replies (0), live events missed after recovery (0), the longest run of 5xx
 * answers, and each instance's RSS at start and end. Exits 1 when one of the three is not 0.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { createPrivatePostgres, requirePrivateServices } from "../fixtures/private-services";
import { startServer, stopServer, type AppServer } from "../fixtures/servers";
import { createMember, flag, paragraphs, rssMiB, signIn } from "./lib";

const HARD_LIMIT_MS = 10 * 60_000;
const seconds = Math.min(flag("seconds", 300), 540);
const socketCount = flag("sockets", 200);
const writerCount = flag("writers", 4);
const readerCount = flag("readers", 4);
const basePort = flag("port", 3290);
const pgPort = flag("pg-port", 5439);
/** Pause of each writer between two replies, and of each reader between two reads. */
const WRITE_PAUSE_MS = 250;
const READ_PAUSE_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
const say = (line: string) => console.info(`[soak ${elapsed()}] ${line}`);

type Answer = { instance: number; at: number; status: number };
type Ack = { key: string; text: string; number: number; ackedAt: number };

async function main() {
  requirePrivateServices();
  const servers: AppServer[] = [];
  const database = await createPrivatePostgres(pgPort);
  // The bound: whatever happens, servers and the cluster are stopped and the script ends.
  const watchdog = setTimeout(
    () => {
      console.error(`[soak] still running after ${HARD_LIMIT_MS / 60_000} minutes: stopping`);
      for (const server of servers) server.process.kill("SIGKILL");
      database.drop();
      process.exit(2);
    },
    HARD_LIMIT_MS - (Date.now() - startedAt),
  );
  watchdog.unref();
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: randomUUID() + randomUUID(),
    RATE_LIMITS: "off",
  };
  const ports = [basePort, basePort + 1];
  const sockets: Socket[] = [];
  const rss: { label: string; start: number; end: number }[] = [];
  try {
    servers.push(...(await Promise.all(ports.map((port) => startServer(port, env, { timeoutMs: 300_000 })))));
    const urls = servers.map((server) => server.url);
    say(`two instances on ${urls.join(", ")}, database on ${pgPort}`);
    const rssOf = (index: number) => Math.round(rssMiB(servers[index]!.process.pid));
    rss.push({ label: "instance 1", start: rssOf(0), end: NaN }, { label: "instance 2", start: rssOf(1), end: NaN });

    // Writers post as their own members; watchers (10 accounts) hold the sockets.
    const writers = await Promise.all(
      Array.from({ length: writerCount }, (_, i) => createMember(urls[0]!, `Autrice ${i + 1}`)),
    );
    const watchers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => createMember(urls[0]!, `Lecteur ${i + 1}`)),
    );
    // A session cookie works on both instances (same AUTH_SECRET and database).
    const writerCookies = await Promise.all(writers.map((member) => signIn(urls[0]!, member.email)));
    const watcherCookies = await Promise.all(watchers.map((member) => signIn(urls[0]!, member.email)));
    const threadResponse = await fetch(`${urls[0]}/api/v1/channels/entraide/threads`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: writerCookies[0]! },
      body: JSON.stringify({
        title: "Fil d'endurance",
        body: paragraphs("Ouverture du fil d'endurance"),
        idempotencyKey: randomUUID(),
      }),
    });
    if (threadResponse.status !== 201) throw new Error(`thread: ${threadResponse.status}`);
    const thread = (await threadResponse.json()) as { id: number; path: string };

    // Sockets: each rejoins the thread's room after every (re)connection.
    const received = Array.from({ length: socketCount }, () => new Map<number, number>());
    const joined = new Array<boolean>(socketCount).fill(false);
    const refusals = new Map<string, number>();
    for (let i = 0; i < socketCount; i++) {
      const socket = io(urls[i % 2]!, {
        transports: ["websocket"],
        extraHeaders: { cookie: watcherCookies[i % watcherCookies.length]! },
        reconnectionDelay: 300,
        reconnectionDelayMax: 2_000,
      });
      // As the app's client does (components/realtime/use-room.ts): a join the server could not
      // check just now (`retry`) is asked again; a refusal is final.
      const join = () =>
        socket
          .timeout(10_000)
          .emit("join", `thread:${thread.id}`, (error: Error | null, result?: { ok: boolean; retry?: boolean }) => {
            joined[i] = !error && Boolean(result?.ok);
            if (joined[i] || !socket.connected) return;
            const reason = error ? "no answer within 10 s" : result?.retry ? "retry" : "refused";
            refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
            if (reason !== "refused") setTimeout(join, 2_000);
          });
      socket.on("connect", join);
      socket.on("disconnect", () => (joined[i] = false));
      socket.on("connect_error", (error) => refusals.set(error.message, (refusals.get(error.message) ?? 0) + 1));
      socket.on("post:created", (event: { threadId: number; number: number }) => {
        if (event.threadId !== thread.id) return;
        received[i]!.set(event.number, (received[i]!.get(event.number) ?? 0) + 1);
      });
      sockets.push(socket);
    }
    const allJoined = () => joined.every(Boolean);
    const waitFor = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(250);
      }
    };
    await waitFor("every socket to join", allJoined, 180_000).catch((error: Error) => {
      const count = joined.filter(Boolean).length;
      throw new Error(`${error.message}: ${count} joined; refusals ${JSON.stringify([...refusals])}`);
    });
    say(`${socketCount} sockets joined thread ${thread.id}`);

    const answers: Answer[] = [];
    const acks: Ack[] = [];
    let refused = 0;
    let running = true;
    const request = async (instance: number, path: string, init: RequestInit = {}) => {
      try {
        const response = await fetch(`${urls[instance]}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
        answers.push({ instance, at: Date.now(), status: response.status });
        return response;
      } catch (error) {
        // A refused connection: the instance is restarting (the client tries the other one).
        if ((error as { cause?: { code?: string } }).cause?.code === "ECONNREFUSED") refused++;
        else answers.push({ instance, at: Date.now(), status: 0 });
        return null;
      }
    };

    const writer = async (w: number) => {
      let sequence = 0;
      let instance = w % 2;
      while (running) {
        sequence++;
        const key = randomUUID();
        const text = `soak ${w + 1}-${sequence} ${key}`;
        // The same key until acknowledged: a retry must never create a second post.
        for (let attempt = 0; ; attempt++) {
          const response = await request(instance, `/api/v1/threads/${thread.id}/posts`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: writerCookies[w]! },
            body: JSON.stringify({ body: paragraphs(text), idempotencyKey: key }),
          });
          if (response && (response.status === 201 || response.status === 200)) {
            const { post } = (await response.json()) as { post: { number: number } };
            acks.push({ key, text, number: post.number, ackedAt: Date.now() });
            break;
          }
          await response?.body?.cancel();
          if (!running && attempt > 0) break;
          instance = 1 - instance;
          await sleep(250);
        }
        await sleep(WRITE_PAUSE_MS);
      }
    };
    const reader = async (r: number) => {
      let turn = 0;
      while (running) {
        const instance = (r + turn) % 2;
        const after = Math.max(0, (acks.at(-1)?.number ?? 0) - 20);
        const path = turn % 3 === 0 ? thread.path : `/api/v1/threads/${thread.id}/posts?after=${after}`;
        const response = await request(instance, path, { headers: { cookie: watcherCookies[r % 10]! } });
        await response?.body?.cancel();
        turn++;
        await sleep(READ_PAUSE_MS);
      }
    };
    const loadStartedAt = Date.now();
    const load = Promise.all([
      ...Array.from({ length: writerCount }, (_, w) => writer(w)),
      ...Array.from({ length: readerCount }, (_, r) => reader(r)),
    ]);
    const health = async (index: number) => {
      const response = await fetch(`${urls[index]}/api/health`).catch(() => null);
      if (!response) return null;
      return (await response.json()) as { status: string; live?: { status: string } };
    };
    const bothHealthy = async () =>
      (await Promise.all([0, 1].map(health))).every(
        (answer) => answer?.status === "ok" && answer.live?.status === "ok",
      );

    // 1. The database bounces.
    await sleep(seconds * 250);
    say(`bouncing the database (fast stop, 10 s down), ${acks.length} replies acknowledged so far`);
    await database.stop();
    await sleep(10_000);
    await database.start();
    await waitFor("both instances healthy after the database bounce", bothHealthy, 90_000);
    say("database back, both instances healthy");

    // 2. The second instance restarts (its sockets reconnect to it).
    await sleep(Math.max(0, loadStartedAt + seconds * 500 - Date.now()));
    rss[1]!.end = rssOf(1);
    say("restarting instance 2");
    const exitCode = await stopServer(servers[1]!);
    servers[1] = await startServer(ports[1]!, env, { timeoutMs: 300_000 });
    rss.push({ label: "instance 2 (restarted)", start: rssOf(1), end: NaN });
    say(`instance 2 stopped with exit code ${exitCode} and started again`);
    await waitFor(
      "both instances healthy and every socket joined again",
      async () => allJoined() && bothHealthy(),
      180_000,
    );
    const recoveredAt = Date.now();
    say(`recovered: every socket joined again (${acks.length} replies acknowledged so far)`);

    await sleep(Math.max(10_000, loadStartedAt + seconds * 1000 - Date.now()));
    running = false;
    await load;
    // Events of the last replies are still on their way.
    const lastAck = acks.at(-1)?.number ?? 0;
    await waitFor("the last replies' events", () => received.every((events) => events.has(lastAck)), 10_000).catch(
      () => {},
    );
    rss[0]!.end = rssOf(0);
    rss[2]!.end = rssOf(1);

    // Verdicts, from the database itself.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const rows = (
      await client.query<{ idempotency_key: string | null; body_text: string; number: number }>(
        "select idempotency_key, body_text, number from posts where thread_id = $1 order by number",
        [thread.id],
      )
    ).rows;
    await client.end();
    const byKey = new Map<string, number>();
    const byText = new Map<string, number>();
    for (const row of rows) {
      if (row.idempotency_key) byKey.set(row.idempotency_key, (byKey.get(row.idempotency_key) ?? 0) + 1);
      byText.set(row.body_text.trim(), (byText.get(row.body_text.trim()) ?? 0) + 1);
    }
    const lost = acks.filter((ack) => !byKey.has(ack.key)).length;
    const duplicates = [...byText.values()].filter((count) => count > 1).reduce((sum, count) => sum + count - 1, 0);
    const numbers = rows.map((row) => row.number);
    const gaps = numbers.filter((number, index) => number !== index + 1).length;
    const afterRecovery = acks.filter((ack) => ack.ackedAt > recoveredAt);
    let missed = 0;
    let deliveredTwice = 0;
    for (const events of received) {
      for (const ack of afterRecovery) if (!events.has(ack.number)) missed++;
      for (const count of events.values()) if (count > 1) deliveredTwice++;
    }

    // The longest run of 5xx (or cut requests): from the first failed answer to the next success.
    const longestFailure = (instance: number | null) => {
      let longest = 0;
      let since: number | null = null;
      for (const answer of [...answers].sort((a, b) => a.at - b.at)) {
        if (instance !== null && answer.instance !== instance) continue;
        const failed = answer.status === 0 || answer.status >= 500;
        if (failed) since ??= answer.at;
        else if (since !== null) {
          longest = Math.max(longest, answer.at - since);
          since = null;
        }
      }
      return since === null ? longest : Math.max(longest, Date.now() - since);
    };
    const count = (test: (status: number) => boolean) => answers.filter((answer) => test(answer.status)).length;

    console.info(
      [
        `soak: ${Math.round((Date.now() - startedAt) / 1000)} s, 2 instances (postgres adapter), ${socketCount} sockets, ${writerCount} writers, ${readerCount} readers`,
        `  requests: ${answers.length} answered (${count((s) => s >= 200 && s < 400)} 2xx/3xx, ${count((s) => s >= 500)} 5xx, ${count((s) => s === 0)} cut or timed out), ${refused} refused while instance 2 restarted`,
        `  replies acknowledged: ${acks.length}; posts in the thread: ${rows.length} (opening post included), numbering gaps: ${gaps}`,
        `  acknowledged writes lost: ${lost}`,
        `  duplicates: ${duplicates}`,
        `  live events missed after recovery: ${missed} (${afterRecovery.length} replies × ${socketCount} sockets after recovery; ${deliveredTwice} delivered twice)`,
        `  longest window of 5xx: ${(longestFailure(null) / 1000).toFixed(1)} s overall; instance 1 ${(longestFailure(0) / 1000).toFixed(1)} s, instance 2 ${(longestFailure(1) / 1000).toFixed(1)} s`,
        ...rss.map((entry) => `  RSS ${entry.label}: start ${entry.start} MiB, end ${entry.end} MiB`),
      ].join("\n"),
    );
    const uncaught = servers.flatMap((server) => server.output.join("").match(/uncaught[^\n]*/gi) ?? []);
    if (uncaught.length) console.info(`  uncaught exceptions in the logs: ${uncaught.length}: ${uncaught[0]}`);
    return lost === 0 && duplicates === 0 && missed === 0 ? 0 : 1;
  } finally {
    for (const socket of sockets) socket.close();
    await Promise.all(servers.map(stopServer));
    database.drop();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
