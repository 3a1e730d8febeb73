import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { randomUUID } from "node:crypto";

/** Command-line flags: `--clients 500 --instances 2`. */
export function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : NaN;
  return Number.isFinite(value) ? value : fallback;
}

/** A word flag: `--db postgres`. */
export function textFlag(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? (process.argv[index + 1] ?? fallback) : fallback;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Resident memory of a process in MiB (Linux). */
export function rssMiB(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Kernel clock ticks per second (`getconf CLK_TCK`: 100 on Linux everywhere that matters). */
const CLOCK_TICKS = 100;

/**
 * CPU time a process has used so far (user + system), in ms, from /proc: what the server's own
 * `process.cpuUsage()` would say, read from outside so the measurement adds no request.
 */
export function cpuMs(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    // Fields after the command name (which may contain spaces): state is the 3rd, utime the 14th.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return NaN;
  }
}

/** Samples the peak RSS of some processes until stopped. */
export function sampleRss(pids: (number | undefined)[]) {
  const peaks = pids.map(() => 0);
  const timer = setInterval(
    () => pids.forEach((pid, index) => (peaks[index] = Math.max(peaks[index]!, rssMiB(pid) || 0))),
    250,
  );
  return { stop: () => (clearInterval(timer), peaks) };
}

export const BENCH_PASSWORD = "mot de passe de bench";

/** Creates a verified member through the test hook (bench servers run with E2E_HOOKS=1). */
export async function createMember(baseUrl: string, name: string): Promise<{ id: string; email: string }> {
  const email = `bench-${randomUUID().slice(0, 8)}@bench.test`;
  const response = await fetch(`${baseUrl}/api/test/users`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, email, password: BENCH_PASSWORD }),
  });
  if (!response.ok) throw new Error(`createMember: ${response.status} ${await response.text()}`);
  return response.json();
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in over HTTP as the sign-in form would; returns the Cookie header to reuse. */
export async function signIn(baseUrl: string, email: string, password = BENCH_PASSWORD): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesFrom(csrf);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/" }),
  });
  const session = cookiesFrom(response).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session;
}

export function paragraphs(...texts: string[]) {
  return { type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}
