import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };

/**
 * Hands a composed email to SMTP when SMTP_URL is set. Without it (the embedded default) the
 * message is written as JSON to DATA_DIR/outbox and its subject logged, so a newcomer can
 * follow confirmation and reset links without a mail server. Throws on failure: use
 * `sendMail` from `@/lib/mail`, which applies the language and failure policy.
 */
export async function deliverMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (env.SMTP_URL) {
    const nodemailer = await import("nodemailer");
    const transport = nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
    return;
  }
  const outbox = path.join(env.DATA_DIR, "outbox");
  mkdirSync(outbox, { recursive: true });
  const file = path.join(outbox, `${Date.now()}-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify({ ...mail, from: env.MAIL_FROM, date: new Date().toISOString() }, null, 2));
  console.info(`[mail] "${mail.subject}" to ${mail.to} written to ${file}`);
}
