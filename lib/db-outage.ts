/**
 * Whether the database is reachable, as the HTTP edge needs to know it: a lost connection is an
 * outage to wait out (503 with Retry-After), not a crash to log. No "server-only" marker:
 * server.ts imports it too, and its state lives on globalThis because server.ts and Next's
 * compiled routes are separate module graphs.
 */

/** Seconds a client is told to wait before retrying during an outage. */
export const RETRY_AFTER_SECONDS = 5;

// Node socket errors and PostgreSQL SQLSTATEs that mean "no usable connection", not a bad query.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const MESSAGES = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
  "Cannot use a pool after calling end",
  "the database system is starting up",
  "the database system is shutting down",
];

/** True when the error (or one of its causes, as drizzle wraps them) is a lost database connection. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause, syscall } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      syscall?: unknown;
    };
    // A socket error names its system call; a browser that gave up on its own request
    // ("aborted", ECONNRESET without one) says nothing about the database.
    if (typeof code === "string" && NETWORK_CODES.has(code) && typeof syscall === "string") return true;
    if (typeof code === "string" && (SQLSTATES.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && MESSAGES.some((known) => message.includes(known))) return true;
    current = cause;
  }
  return false;
}

type Outage = {
  since: number | null;
  probe: ReturnType<typeof setInterval> | null;
  ping: (() => Promise<void>) | null;
};
const globalForOutage = globalThis as unknown as { propulseOutage?: Outage };
const outage = (globalForOutage.propulseOutage ??= { since: null, probe: null, ping: null });

/** How to check the database again (server.ts registers the handle's ping). */
export function setDatabaseProbe(ping: () => Promise<void>): void {
  outage.ping = ping;
}

/** True while the database is known to be down (until a probe reaches it again). */
export function isDatabaseDown(): boolean {
  return outage.since !== null;
}

/**
 * Records a failure seen anywhere (a query, the pool, the health check). Connection failures open
 * the outage: the edge answers 503 at once, and a probe every second closes it when the database
 * answers again. Other errors are ignored. Returns whether the error was a connection failure.
 */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  if (outage.since === null) {
    outage.since = Date.now();
    console.warn(`[db] database unreachable (${describe(error)}): answering 503 until it is back`);
  }
  if (!outage.probe && outage.ping) {
    outage.probe = setInterval(() => void probe(), 1_000);
    outage.probe.unref();
  }
  return true;
}

/** Forgets an open outage and stops its probe (each test case starts from a reachable database). */
export function clearDatabaseOutage(): void {
  outage.since = null;
  if (outage.probe) clearInterval(outage.probe);
  outage.probe = null;
}

async function probe() {
  try {
    await outage.ping?.();
  } catch {
    return;
  }
  if (outage.since !== null) console.info(`[db] database reachable again after ${Date.now() - outage.since} ms`);
  outage.since = null;
  if (outage.probe) clearInterval(outage.probe);
  outage.probe = null;
}

function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === "string").join(" ") || String(error);
}
