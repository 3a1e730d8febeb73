import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative of `text` (same content), when the mail has one. */
  html?: string;
  /** The sender, `"Name" <address>`; MAIL_FROM when absent. */
  from?: string;
  /** Extra headers, e.g. `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058). */
  headers?: Record<string, string>;
};

/** What the outbox keeps of a mail (one JSON file per mail). */
export type OutboxMail = Mail & { from: string; date: string };

/** The outbox folder of the embedded default (DATA_DIR/outbox). */
export function outboxDir(): string {
  return path.join(getEnv().DATA_DIR, "outbox");
}

/**
 * Hands a composed email to SMTP when SMTP_URL is set. Without it (the embedded default) the
 * message is written as JSON to DATA_DIR/outbox and its subject logged, so a newcomer can
 * follow confirmation and reset links without a mail server (`/dev/outbox` shows them). Throws
 * on failure: use `sendMail` from `@/lib/mail`, which applies the language and failure policy,
 * or let the job queue retry.
 */
export async function deliverMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    const nodemailer = await import("nodemailer");
    // Short timeouts: a mail server that hangs fails the attempt, and the queue retries later.
    const transport = nodemailer.createTransport({
      url: env.SMTP_URL,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    try {
      await transport.sendMail({ ...mail, from: mail.from ?? env.MAIL_FROM });
    } finally {
      transport.close();
    }
    return;
  }
  const outbox = outboxDir();
  mkdirSync(outbox, { recursive: true });
  const file = path.join(outbox, `${Date.now()}-${randomUUID()}.json`);
  const stored: OutboxMail = { ...mail, from: mail.from ?? env.MAIL_FROM, date: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(stored, null, 2));
  console.info(`[mail] "${mail.subject}" to ${mail.to} written to ${file}`);
}
