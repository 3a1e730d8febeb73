import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { outboxDir, type OutboxMail } from "./transport";

/** A mail's file name without `.json`: `<milliseconds>-<uuid>`, as written by `deliverMail`. */
const OUTBOX_ID = /^\d{13,}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The `/dev/outbox` pages exist in development, and in production only for the end-to-end
 * tests (E2E_HOOKS=1): they show every mail, links with tokens included.
 */
export function isOutboxPageEnabled(): boolean {
  const env = getEnv();
  return env.NODE_ENV !== "production" || env.E2E_HOOKS === "1";
}

export type OutboxEntry = { id: string; to: string; subject: string; date: string };

/** The outbox's mails, newest first (at most `limit`), and whether SMTP is used instead. */
export function listOutbox(limit = 200): { entries: OutboxEntry[]; dir: string; usesSmtp: boolean } {
  const dir = outboxDir();
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // No mail yet: the folder is created by the first one.
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -5))
    .filter((id) => OUTBOX_ID.test(id))
    .sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]) || b.localeCompare(a))
    .slice(0, limit);
  const entries = ids.flatMap((id) => {
    const mail = readOutboxMail(id);
    return mail ? [{ id, to: mail.to, subject: mail.subject, date: mail.date }] : [];
  });
  return { entries, dir, usesSmtp: Boolean(getEnv().SMTP_URL) };
}

/** One mail of the outbox, or null (unknown id, or a name that is not an outbox file). */
export function readOutboxMail(id: string): OutboxMail | null {
  if (!OUTBOX_ID.test(id)) return null;
  try {
    return JSON.parse(readFileSync(path.join(outboxDir(), `${id}.json`), "utf8")) as OutboxMail;
  } catch {
    return null;
  }
}
