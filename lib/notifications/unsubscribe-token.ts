import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { notificationTypes } from "@/lib/domain/notifications";
import { getEnv } from "@/lib/env";

/** What a link turns off: every notification e-mail, the digest, or one type's e-mails. */
export const unsubscribeScopes = ["all", "digest", ...notificationTypes] as const;
export type UnsubscribeScope = (typeof unsubscribeScopes)[number];

const payloadSchema = z.object({ u: z.uuid(), s: z.enum(unsubscribeScopes) }).strict();

// The key is derived from AUTH_SECRET for this purpose alone (HKDF, its own label): a MAC made
// for unsubscribing can never be taken for a session (Auth.js derives its keys with other
// labels and uses encrypted JWTs) or for any other token, and no other key verifies here.
const PURPOSE = "propulse unsubscribe link v1";

function signingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().AUTH_SECRET, "propulse", PURPOSE, 32));
}

function mac(payload: string): Buffer {
  return createHmac("sha256", signingKey()).update(payload).digest();
}

/**
 * A token for the unsubscribe link of a mail: `<payload>.<mac>` in base64url. It names a
 * member and a scope and proves nothing else: it can only turn e-mails off, so it needs no
 * session and does not expire (an old mail's link keeps working, as RFC 8058 expects).
 */
export function createUnsubscribeToken(userId: string, scope: UnsubscribeScope): string {
  const payload = Buffer.from(JSON.stringify({ u: userId, s: scope })).toString("base64url");
  return `${payload}.${mac(payload).toString("base64url")}`;
}

/** The member and scope of a genuine token, or null for anything else (tampered, truncated, other key). */
export function verifyUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
    return parsed.success ? { userId: parsed.data.u, scope: parsed.data.s } : null;
  } catch {
    return null;
  }
}
