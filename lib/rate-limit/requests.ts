import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { DbOrTx } from "@/db";
import { countRecentEvents, recordEvents, removeExpiredEvents } from "@/db/queries/rate-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";

/** Paths that never count: build assets, public files and the health check of load balancers. */
const EXEMPT = /^\/(?:_next\/(?:static|image)\/|icons\/|favicon\.ico$|robots\.txt$|sw\.js$|api\/health$)/;

export type RequestLimitOptions = {
  /** Requests per address per window; `off` counts nothing (benchmarks). */
  limit: number | "off";
  windowSeconds: number;
  /** With PostgreSQL: counts shared by every instance (flushed each `flushMs`). Without: this process only. */
  db?: DbOrTx;
  flushMs?: number;
};

export type RequestLimiter = {
  /** Answers 429 (with Retry-After) and returns true when the request's address is over its budget. */
  refuse(req: IncomingMessage, res: ServerResponse): boolean;
  /** Shares the counts with the other instances now (tests; the timer does it every `flushMs`). */
  flush(): Promise<void>;
  stop(): void;
};

type Counter = {
  /** Requests of this instance per second of the window (oldest first). */ seconds: Map<number, number>;
  pending: number;
  shared: number;
};

const key = (address: string) => `requests:${address}`;

/**
 * A global per-address request budget, checked in `server.ts` before Next sees the request.
 * Each instance decides alone, in memory, so a request never waits for the database; with
 * PostgreSQL, every second each instance adds what it counted to `rate_limit_events` (one
 * statement per active address) and reads back the total of all instances: the budget is shared
 * within about a second. The embedded database serves one process: memory is the whole truth.
 */
export function createRequestLimiter({
  limit,
  windowSeconds,
  db,
  flushMs = 1000,
}: RequestLimitOptions): RequestLimiter {
  const counters = new Map<string, Counter>();

  const localCount = (counter: Counter, nowSecond: number) => {
    let total = 0;
    for (const [second, count] of counter.seconds) {
      if (second <= nowSecond - windowSeconds) counter.seconds.delete(second);
      else total += count;
    }
    return total;
  };

  const refuse = (req: IncomingMessage, res: ServerResponse) => {
    if (limit === "off") return false;
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (EXEMPT.test(path)) return false;
    const address = String(req.headers[CLIENT_ADDRESS_HEADER] ?? "unknown");
    const nowSecond = Math.floor(Date.now() / 1000);
    let counter = counters.get(address);
    if (!counter) counters.set(address, (counter = { seconds: new Map(), pending: 0, shared: 0 }));
    const seen = db ? counter.shared + counter.pending : localCount(counter, nowSecond);
    if (seen >= limit) {
      const oldest = Math.min(...counter.seconds.keys(), nowSecond);
      const retryAfter = Math.max(1, oldest + windowSeconds - nowSecond);
      res.writeHead(429, {
        "Content-Type": "text/plain; charset=utf-8",
        "Retry-After": String(retryAfter),
        "Cache-Control": "no-store",
      });
      res.end(`Trop de requêtes depuis votre adresse. Réessayez dans ${retryAfter} s.\n`);
      return true;
    }
    counter.seconds.set(nowSecond, (counter.seconds.get(nowSecond) ?? 0) + 1);
    counter.pending += 1;
    return false;
  };

  let isFlushing = false;
  const flush = async () => {
    if (isFlushing) return;
    isFlushing = true;
    try {
      const nowSecond = Math.floor(Date.now() / 1000);
      for (const [address, counter] of counters) {
        const pending = counter.pending;
        counter.pending = 0;
        if (db && pending > 0) await recordEvents(db, { key: key(address), count: pending });
        if (db && (pending > 0 || counter.shared > 0)) {
          counter.shared = (await countRecentEvents(db, { key: key(address), windowSeconds })).count;
          if (pending > 0) await removeExpiredEvents(db, { key: key(address), windowSeconds });
        }
        if (localCount(counter, nowSecond) === 0 && counter.shared === 0) counters.delete(address);
      }
    } catch (error) {
      console.error("[limits] sharing request counts failed:", error);
    } finally {
      isFlushing = false;
    }
  };

  const timer = limit === "off" ? null : setInterval(() => void flush(), flushMs);
  timer?.unref();
  return { refuse, flush, stop: () => timer && clearInterval(timer) };
}
