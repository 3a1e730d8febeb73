import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  clearEvents,
  consumeRateLimit,
  countRecentEvents,
  recordEvent,
  removeLatestEvent,
} from "@/db/queries/rate-limits";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getEnv, type Env } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";

/** What members do that is limited per hour (README, "Anti-spam"). */
export type LimitedAction = "thread" | "post" | "report" | "upload" | "conversation";

const HOUR = 60 * 60;

/** Most limits count over an hour; starting conversations is counted per day. */
const WINDOW_SECONDS: Partial<Record<LimitedAction, number>> = { conversation: 24 * HOUR };

const ENV_KEYS: Record<LimitedAction, [keyof Env, keyof Env]> = {
  thread: ["RATE_LIMIT_THREADS_PER_HOUR", "RATE_LIMIT_THREADS_PER_HOUR_NEW"],
  post: ["RATE_LIMIT_POSTS_PER_HOUR", "RATE_LIMIT_POSTS_PER_HOUR_NEW"],
  report: ["RATE_LIMIT_REPORTS_PER_HOUR", "RATE_LIMIT_REPORTS_PER_HOUR_NEW"],
  upload: ["RATE_LIMIT_UPLOADS_PER_HOUR", "RATE_LIMIT_UPLOADS_PER_HOUR_NEW"],
  conversation: ["RATE_LIMIT_CONVERSATIONS_PER_DAY", "RATE_LIMIT_CONVERSATIONS_PER_DAY_NEW"],
};

/** The hourly limit of an action for an account, stricter while the account is new. */
export function hourlyLimit(action: LimitedAction, isNewAccount: boolean, env: Env = getEnv()): number {
  const [established, fresh] = ENV_KEYS[action];
  return Number(isNewAccount ? env[fresh] : env[established]);
}

export function isNewAccount(createdAt: Date, now = new Date(), env: Env = getEnv()): boolean {
  return now.getTime() - createdAt.getTime() < env.RATE_LIMIT_NEW_ACCOUNT_DAYS * 24 * HOUR * 1000;
}

function rateLimitedError(messageKey: string, retryAt: Date, extra: Record<string, string | number> = {}) {
  const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 1000));
  return new AppError("rate_limited", messageKey, {
    values: { retryAt: retryAt.getTime(), minutes: Math.ceil(retryAfterSeconds / 60), retryAfterSeconds, ...extra },
  });
}

/**
 * Counts one `action` of a member, or throws `rate_limited` with when they may act again.
 * Enforced in the service layer (actions, API routes and anything else go through it) and
 * stored in the database, so the limit holds across instances. Facilitators and admins are
 * not limited: they post announcements and clean up in bursts.
 */
export async function enforceRateLimit(
  db: DbOrTx,
  { userId, action }: { userId: string; action: LimitedAction },
): Promise<void> {
  if (getEnv().RATE_LIMITS === "off") return;
  const [account] = await db
    .select({ role: users.role, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!account) throw new AppError("unauthenticated");
  if (account.role === "facilitator" || account.role === "admin") return;
  const isNew = isNewAccount(account.createdAt);
  const limit = hourlyLimit(action, isNew);
  const windowSeconds = WINDOW_SECONDS[action] ?? HOUR;
  const result = await consumeRateLimit(db, { key: `${action}:${userId}`, limit, windowSeconds });
  if (!result.ok) throw rateLimitedError(`limits.${action}`, result.retryAt, { limit, isNew: isNew ? "yes" : "no" });
}

/** Gives back the slot of an action that turned out to create nothing (a retried submission). */
export async function refundRateLimit(
  db: DbOrTx,
  { userId, action }: { userId: string; action: LimitedAction },
): Promise<void> {
  await removeLatestEvent(db, { key: `${action}:${userId}` });
}

/**
 * The client address for per-address limits, as `server.ts` worked it out from the connection
 * (and from `X-Forwarded-For` only when `TRUST_PROXY` says which proxies to believe).
 */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

export function accountKey(email: string): string {
  return `signin-account:${createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

function accountWindow(email: string, env: Env = getEnv()) {
  const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;
  return { key: accountKey(email), limit: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT, windowSeconds };
}

function addressWindow(ip: string, env: Env = getEnv()) {
  const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;
  return { key: `signin-ip:${ip}`, limit: env.SIGN_IN_MAX_FAILURES_PER_IP, windowSeconds };
}

/**
 * Until when sign-in is refused for this account (too many failures from any address), or null.
 * Checked before the password, so a blocked attacker learns nothing more.
 */
export async function getSignInBlock(db: DbOrTx, { email }: { email: string }): Promise<Date | null> {
  const window = accountWindow(email);
  const { count, retryAt } = await countRecentEvents(db, window);
  return count >= window.limit ? retryAt : null;
}

/** How long each sign-in attempt waits, before its password is checked, from an address over its failure limit. */
export const SIGN_IN_ADDRESS_DELAY_MS = 3000;

/**
 * The wait before a sign-in attempt from this address is answered: none, or
 * `SIGN_IN_ADDRESS_DELAY_MS` once the address has too many recent failures (on any accounts).
 * An address is slowed down, never locked: a school or a shared connection where someone keeps
 * failing must not lock out everyone behind it, and a correct password still signs in.
 */
export async function getSignInDelay(db: DbOrTx, { ip }: { ip: string }): Promise<number> {
  const window = addressWindow(ip);
  const { count } = await countRecentEvents(db, window);
  return count >= window.limit ? SIGN_IN_ADDRESS_DELAY_MS : 0;
}

export async function recordSignInFailure(db: DbOrTx, { email, ip }: { email: string; ip: string }) {
  for (const window of [accountWindow(email), addressWindow(ip)]) await recordEvent(db, { key: window.key });
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function clearSignInFailures(db: DbOrTx, { email }: { email: string }) {
  await clearEvents(db, { key: accountKey(email) });
}

export function signInRateLimitedError(retryAt: Date) {
  return rateLimitedError("limits.signIn", retryAt);
}
