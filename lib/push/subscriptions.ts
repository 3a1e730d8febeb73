import "server-only";
import { deletePushSubscription, listPushSubscriptions, upsertPushSubscription } from "@/db/queries/push-subscriptions";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canSubscribeToPush, type Actor } from "@/lib/permissions";
import { pushSubscriptionSchema, type PushSubscriptionInput } from "@/lib/validation/push";

/**
 * A member has a few devices; the cap also bounds how many addresses one account can make the
 * server post to for each notification.
 */
export const MAX_PUSH_DEVICES = 20;

function requireSubscriber(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
  if (!canSubscribeToPush(actor)) throw new AppError("forbidden");
  return actor;
}

/**
 * Registers this browser for the actor's push notifications. The input is checked here again,
 * whoever the caller: the endpoint is a URL the server will POST to (see lib/push/endpoint.ts).
 */
export async function subscribePush(
  { db, actor }: ServiceContext,
  input: PushSubscriptionInput & { userAgent?: string | null },
): Promise<{ id: string; endpoint: string }> {
  const member = requireSubscriber(actor);
  const parsed = pushSubscriptionSchema.safeParse(input);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new AppError("bad_request", issue!.message, { field: issue!.path.join(".") });
  }
  const { endpoint, keys } = parsed.data;
  const row = await upsertPushSubscription(db, {
    userId: member.id,
    endpoint,
    p256dh: keys.p256dh,
    auth: keys.auth,
    userAgent: input.userAgent?.slice(0, 300) || null,
    maxPerUser: MAX_PUSH_DEVICES,
  });
  return { id: row.id, endpoint: row.endpoint };
}

/** Stops push on one of the actor's own devices; someone else's endpoint is `not_found`, unchanged. */
export async function unsubscribePush({ db, actor }: ServiceContext, { endpoint }: { endpoint: string }) {
  const member = requireSubscriber(actor);
  const row = await deletePushSubscription(db, { userId: member.id, endpoint });
  if (!row) throw new AppError("not_found");
  return { endpoint: row.endpoint };
}

/** The endpoints of the actor's subscribed devices, so a browser can tell whether it is one of them. */
export async function listMyPushEndpoints({ db, actor }: ServiceContext): Promise<string[]> {
  const member = requireSubscriber(actor);
  const rows = await listPushSubscriptions(db, { userId: member.id });
  return rows.map((row) => row.endpoint);
}
