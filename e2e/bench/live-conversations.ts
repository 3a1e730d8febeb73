/**
 * npm run bench:live -- --mode conversations [--members 500 --messages 2000 --rate 50 --instances 1|2]
 *
 * Private conversations at the size of a promotion: N members in N/2 one-to-one conversations,
 * exchanging messages through the HTTP API at `rate` messages per second overall (each
 * conversation's two members take turns). Each member has one socket (with two instances, the
 * two members of a conversation sit on different instances, so every message crosses the
 * adapter). Prints the delivery latency (request sent → the other participant's socket gets
 * `message:created`), messages lost or shown twice, and the servers' peak RSS.
 */
import { randomUUID } from "node:crypto";
import { io, type Socket } from "socket.io-client";
import { cpuMs, createMember, flag, paragraphs, percentile, sampleRss, signIn } from "./lib";
import { startBenchServers } from "./live";

export type ConversationBenchResult = {
  members: number;
  conversations: number;
  instances: number;
  adapter: string;
  sent: number;
  /** Requests that got no 201, by reason (not counted as sent). */
  failed: string[];
  delivered: number;
  lost: number;
  duplicates: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  peakRssMiB: number[];
  /** CPU time of the server(s) per message sent, all instances together: holds on a busy machine. */
  serverCpuMsPerMessage: number;
};

/** Runs `task` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

const TOKEN = /bench-(\d+)-/;

export async function runConversationBench(options: {
  members: number;
  messages: number;
  rate: number;
  instances: number;
}): Promise<ConversationBenchResult> {
  // Members' own limits (conversations per day, messages) would stop a bench, not measure it.
  const started = await startBenchServers(options.instances, "conversations", { RATE_LIMITS: "off" });
  const sockets: Socket[] = [];
  try {
    const { servers } = started;
    const serverOf = (index: number) => servers[index % servers.length]!;
    const pairs = Math.floor(options.members / 2);
    const members = await pool(Array.from({ length: pairs * 2 }), 8, (_, i) =>
      createMember(servers[0]!.url, `Membre ${i + 1}`),
    );
    const cookies = await pool(members, 8, (member, i) => signIn(serverOf(i).url, member.email));
    const post = async (i: number, path: string, body: unknown) => {
      const response = await fetch(`${serverOf(i).url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]! },
        body: JSON.stringify(body),
      });
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    // Member 2k opens a conversation with member 2k+1 (its first message is not measured).
    const conversationIds = await pool(Array.from({ length: pairs }), 8, async (_, k) => {
      const answer = (await post(2 * k, "/api/v1/conversations", {
        participantIds: [members[2 * k + 1]!.id],
        body: paragraphs("Bonjour !"),
        idempotencyKey: randomUUID(),
      })) as { conversationId: number };
      return answer.conversationId;
    });

    const sentAt = new Map<number, { at: number; to: number }>();
    const latencies: number[] = [];
    const seen = new Set<string>();
    let duplicates = 0;
    members.forEach((member, i) => {
      const socket = io(serverOf(i).url, {
        transports: ["websocket"],
        extraHeaders: { cookie: cookies[i]! },
        reconnection: false,
      });
      socket.on("message:created", (event: { message: { bodyHtml: string | null; author: { id: string } } | null }) => {
        const seq = Number(TOKEN.exec(event.message?.bodyHtml ?? "")?.[1] ?? NaN);
        const sent = sentAt.get(seq);
        if (!sent || event.message?.author.id === member.id) return;
        const key = `${seq}:${i}`;
        if (seen.has(key)) return void duplicates++;
        seen.add(key);
        if (sent.to === i) latencies.push(performance.now() - sent.at);
      });
      sockets.push(socket);
    });
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve, reject) => {
            if (socket.connected) return resolve();
            socket.once("connect", () => resolve());
            socket.once("connect_error", reject);
          }),
      ),
    );

    const rss = sampleRss(servers.map((server) => server.process.pid));
    const serverCpu = () => servers.reduce((sum, server) => sum + cpuMs(server.process.pid), 0);
    const cpuBefore = serverCpu();
    const interval = 1000 / options.rate;
    const begin = performance.now();
    let failed = 0;
    const failures = new Map<string, number>();
    const inFlight: Promise<void>[] = [];
    for (let seq = 0; seq < options.messages; seq++) {
      const wait = begin + seq * interval - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const k = seq % pairs;
      // The two members of a conversation take turns.
      const from = 2 * k + (Math.floor(seq / pairs) % 2);
      const to = from % 2 === 0 ? from + 1 : from - 1;
      sentAt.set(seq, { at: performance.now(), to });
      inFlight.push(
        post(from, `/api/v1/conversations/${conversationIds[k]}/messages`, {
          body: paragraphs(`bench-${seq}- un message privé de taille ordinaire pour la mesure.`),
          idempotencyKey: randomUUID(),
        }).then(
          () => undefined,
          (error: Error) => {
            failed++;
            failures.set(error.message, (failures.get(error.message) ?? 0) + 1);
            sentAt.delete(seq);
          },
        ),
      );
    }
    await Promise.all(inFlight);
    const sent = options.messages - failed;
    const deadline = Date.now() + 10_000;
    while (latencies.length < sent && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const peaks = rss.stop();
    const cpuPerMessage = (serverCpu() - cpuBefore) / Math.max(1, sent);

    latencies.sort((a, b) => a - b);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      members: members.length,
      conversations: pairs,
      instances: servers.length,
      adapter: started.adapter,
      sent,
      failed: [...failures].map(([reason, count]) => `${count} × ${reason.slice(0, 200)}`),
      delivered: latencies.length,
      lost: sent - latencies.length,
      duplicates,
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p95: round(percentile(latencies, 95)),
        p99: round(percentile(latencies, 99)),
        max: round(latencies.at(-1) ?? NaN),
      },
      peakRssMiB: peaks.map((peak) => Math.round(peak)),
      serverCpuMsPerMessage: round(cpuPerMessage),
    };
  } finally {
    for (const socket of sockets) socket.close();
    await started.stop();
  }
}

export function printConversationResult(result: ConversationBenchResult) {
  console.info(
    `conversations: ${result.members} members in ${result.conversations} one-to-one conversations, ` +
      `${result.instances} instance(s), adapter ${result.adapter}\n` +
      `  sent ${result.sent}, delivered ${result.delivered}, lost ${result.lost}, shown twice ${result.duplicates}\n` +
      (result.failed.length ? `  requests refused or failed: ${result.failed.join("; ")}\n` : "") +
      `  latency p50 ${result.latencyMs.p50} ms · p95 ${result.latencyMs.p95} ms · p99 ${result.latencyMs.p99} ms · max ${result.latencyMs.max} ms\n` +
      `  server CPU ${result.serverCpuMsPerMessage} ms per message · peak RSS ${result.peakRssMiB.map((mib) => `${mib} MiB`).join(", ")}`,
  );
}

export async function main() {
  try {
    const result = await runConversationBench({
      members: flag("members", 500),
      messages: flag("messages", 2000),
      rate: flag("rate", 50),
      instances: flag("instances", 1),
    });
    printConversationResult(result);
    process.exit(result.lost === 0 && result.duplicates === 0 && result.failed.length === 0 ? 0 : 1);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
