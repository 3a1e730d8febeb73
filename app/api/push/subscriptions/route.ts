import { headers } from "next/headers";
import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { contextFor } from "@/lib/context";
import { getVapidPublicKey } from "@/lib/push/keys";
import { listMyPushEndpoints, subscribePush, unsubscribePush } from "@/lib/push/subscriptions";
import { pushSubscriptionSchema, pushUnsubscribeSchema } from "@/lib/validation/push";

/**
 * GET /api/push/subscriptions — the VAPID public key (`publicKey`, null when push is off) and the
 * endpoints of the member's subscribed devices, so a browser can tell whether it is one of them.
 */
export const GET = jsonRoute(z.object({}), async (_input, { user }) => {
  const endpoints = await listMyPushEndpoints(contextFor(user));
  return { body: { publicKey: getVapidPublicKey(), endpoints } };
});

/** POST /api/push/subscriptions {endpoint, keys: {p256dh, auth}} — this browser receives the member's notifications. */
export const POST = jsonRoute(pushSubscriptionSchema, async (input, { user }) => {
  const userAgent = (await headers()).get("user-agent");
  const subscription = await subscribePush(contextFor(user), { ...input, userAgent });
  return { status: 201, body: { subscribed: true, endpoint: subscription.endpoint } };
});

/** DELETE /api/push/subscriptions?endpoint=… — stop push on one of the member's own devices (else 404). */
export const DELETE = jsonRoute(pushUnsubscribeSchema, async (input, { user }) => {
  await unsubscribePush(contextFor(user), input);
  return { body: { subscribed: false } };
});
