import "server-only";
import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

/**
 * The proof that a programme file went through the dry run: `<expiry>.<mac>`, the MAC covering
 * the admin, the expiry and the file's SHA-256. The apply step only writes a file whose token
 * matches, so what is applied is byte for byte what the admin previewed, shortly before, in
 * their own session. The key is derived from AUTH_SECRET for this purpose alone (HKDF label),
 * like the unsubscribe links' (lib/notifications/unsubscribe-token.ts).
 */
const PURPOSE = "propulse programme import preview v1";
export const PREVIEW_TTL_MS = 30 * 60_000;

function mac(actorId: string, expiresAt: number, content: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "propulse", PURPOSE, 32));
  const digest = createHash("sha256").update(content, "utf8").digest("hex");
  return createHmac("sha256", key).update(`${actorId}\n${expiresAt}\n${digest}`).digest();
}

export function signPreview(actorId: string, content: string, now = Date.now()): string {
  const expiresAt = now + PREVIEW_TTL_MS;
  return `${expiresAt}.${mac(actorId, expiresAt, content).toString("base64url")}`;
}

/** True when `token` was signed by `signPreview` for this admin and this exact content, and is still fresh. */
export function isPreviewValid(token: string, actorId: string, content: string, now = Date.now()): boolean {
  const [expiry, signature, extra] = token.split(".");
  if (!expiry || !signature || extra !== undefined || !/^\d{1,16}$/.test(expiry)) return false;
  const expiresAt = Number(expiry);
  if (expiresAt < now) return false;
  const expected = mac(actorId, expiresAt, content);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
