import "server-only";
import type { DbOrTx } from "@/db";
import { upsertNotificationSettings } from "@/db/queries/notification-settings";
import { getUserById } from "@/db/queries/users";
import { notificationTypes } from "@/lib/domain/notifications";
import { getDb } from "@/lib/db";
import { absoluteUrl } from "@/lib/urls";
import { createUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

export type { UnsubscribeScope };

/** The page a member reaches from a mail's visible link: it asks before changing anything. */
export function unsubscribePageUrl(userId: string, scope: UnsubscribeScope): string {
  return absoluteUrl(`/unsubscribe?token=${createUnsubscribeToken(userId, scope)}`);
}

/** The address for RFC 8058 one-click POSTs (List-Unsubscribe); a GET there shows the page instead. */
export function oneClickUnsubscribeUrl(token: string): string {
  return absoluteUrl(`/unsubscribe/one-click?token=${token}`);
}

/** `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 2369, RFC 8058) for a mail of this scope. */
export function unsubscribeHeaders(userId: string, scope: UnsubscribeScope): Record<string, string> {
  return {
    "List-Unsubscribe": `<${oneClickUnsubscribeUrl(createUnsubscribeToken(userId, scope))}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The scope a link would turn off, for the confirmation page (reads nothing, changes nothing). */
export function readUnsubscribeToken(token: string): { scope: UnsubscribeScope } | null {
  const verified = verifyUnsubscribeToken(token);
  return verified && { scope: verified.scope };
}

/**
 * Applies an unsubscribe link: the type's e-mails off, the digest to `never`, or both for
 * `all`. Needs no session (the signed token is the permission) and is idempotent. Returns the
 * scope, or null for an invalid token or an account that no longer exists.
 */
export async function applyUnsubscribe(
  token: string,
  db: DbOrTx = getDb(),
): Promise<{ scope: UnsubscribeScope } | null> {
  const verified = verifyUnsubscribeToken(token);
  if (!verified) return null;
  const { userId, scope } = verified;
  if (!(await getUserById(db, { id: userId }))) return null;
  if (scope === "digest") {
    await upsertNotificationSettings(db, { userId, digest: "never" });
  } else if (scope === "all") {
    const everyType = Object.fromEntries(notificationTypes.map((type) => [type, { email: "off" as const }]));
    await upsertNotificationSettings(db, { userId, delivery: everyType, digest: "never" });
  } else {
    await upsertNotificationSettings(db, { userId, delivery: { [scope]: { email: "off" } } });
  }
  return { scope };
}
