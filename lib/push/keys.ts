import "server-only";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { getEnv } from "@/lib/env";

/** The application server's identity towards push services (RFC 8292, "VAPID"). */
export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

// server.ts and Next's compiled routes are separate module graphs: resolve once per process.
const globalForVapid = globalThis as unknown as { propulseVapid?: VapidKeys | null };

/**
 * The VAPID keys: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when set; otherwise, in embedded mode, a
 * key pair generated once into DATA_DIR/vapid-keys.json (like the auth secret). A PostgreSQL
 * deployment may run several instances that must all sign with the same key, so it gets no
 * generated one: without the variables, push is off (null) and the app says so once in the log.
 * Browsers' subscriptions are tied to the public key: changing it silently ends every one of them.
 */
export function getVapidKeys(): VapidKeys | null {
  if (globalForVapid.propulseVapid === undefined) globalForVapid.propulseVapid = resolveVapidKeys();
  return globalForVapid.propulseVapid;
}

/** What the browser needs to subscribe (`applicationServerKey`), or null when push is off. */
export function getVapidPublicKey(): string | null {
  return getVapidKeys()?.publicKey ?? null;
}

function resolveVapidKeys(): VapidKeys | null {
  const env = getEnv();
  // Push services write to this address when the sender misbehaves; MAIL_FROM is the team's address.
  const subject = env.VAPID_SUBJECT ?? `mailto:${/<([^>]+)>/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM.trim()}`;
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject };
  }
  if (!env.isEmbedded) {
    console.warn("[push] VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set: push notifications are off.");
    return null;
  }
  return { ...readOrCreateKeyFile(path.join(env.DATA_DIR, "vapid-keys.json")), subject };
}

function readKeyFile(file: string): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  if (typeof publicKey !== "string" || typeof privateKey !== "string") throw new Error(`${file}: no VAPID key pair`);
  return { publicKey, privateKey };
}

function readOrCreateKeyFile(file: string): { publicKey: string; privateKey: string } {
  try {
    return readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  try {
    // `wx`: if another module graph of this process wrote it first, keep theirs.
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readKeyFile(file);
  }
  return keys;
}
