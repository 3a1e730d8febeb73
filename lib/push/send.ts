import "server-only";
import http from "node:http";
import https from "node:https";
import webpush from "web-push";
import type { DbOrTx } from "@/db";
import {
  deletePushSubscriptionsByIds,
  listPushSubscriptions,
  markPushSubscriptionsDelivered,
  type PushSubscriptionRow,
} from "@/db/queries/push-subscriptions";
import { publicOnlyLookup } from "@/lib/outbound/public-address";
import { endpointPolicy, isAllowedPushEndpoint, type EndpointPolicy } from "./endpoint";
import { getVapidKeys, type VapidKeys } from "./keys";

/** What the service worker (public/sw.js) shows: `url` is a path of this site, opened on click. */
export type PushMessage = { title: string; body: string; url: string; tag?: string };

/** A notification that waited a day for its device is stale: the push service may drop it. */
const TTL_SECONDS = 24 * 60 * 60;
const REQUEST_TIMEOUT_MS = 10_000;

type Outcome = "delivered" | "gone" | "failed";

/**
 * Sends one notification to every device the member subscribed. Each device is independent: a
 * failure is logged, never thrown. Subscriptions the push service no longer knows (404, 410)
 * are deleted; accepted ones get `lastSuccessAt`. Without VAPID keys (push off) nothing is sent.
 */
export async function sendPushToUser(
  db: DbOrTx,
  userId: string,
  message: { title: string; body: string; url: string; tag?: string },
): Promise<{ sent: number; removed: number }> {
  const subscriptions = await listPushSubscriptions(db, { userId });
  const vapid = subscriptions.length > 0 ? getVapidKeys() : null;
  if (!vapid) return { sent: 0, removed: 0 };
  const payload = JSON.stringify(pushPayload(message));
  const policy = endpointPolicy();
  const outcomes = await Promise.all(
    subscriptions.map((subscription) => deliver(subscription, payload, { vapid, policy, tag: message.tag })),
  );
  const idsOf = (outcome: Outcome) => subscriptions.filter((_, i) => outcomes[i] === outcome).map((row) => row.id);
  const removed = await deletePushSubscriptionsByIds(db, { ids: idsOf("gone") });
  const delivered = idsOf("delivered");
  await markPushSubscriptionsDelivered(db, { ids: delivered });
  return { sent: delivered.length, removed };
}

/** A push message carries at most ~4 KB once encrypted; a notification shows a few lines anyway. */
function pushPayload({ title, body, url, tag }: PushMessage): PushMessage {
  const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  return { title: clip(title, 120), body: clip(body, 400), url: url.slice(0, 1000), ...(tag ? { tag } : {}) };
}

async function deliver(
  subscription: PushSubscriptionRow,
  payload: string,
  { vapid, policy, tag }: { vapid: VapidKeys; policy: EndpointPolicy; tag?: string },
): Promise<Outcome> {
  // Endpoints are capability URLs: log where they point, never the whole address.
  const where = URL.canParse(subscription.endpoint) ? new URL(subscription.endpoint).origin : "(not a URL)";
  // Rows were checked when stored; checking again costs nothing and covers a changed policy.
  if (!isAllowedPushEndpoint(subscription.endpoint, policy)) {
    console.warn(`[push] endpoint at ${where} is not allowed: skipped`);
    return "failed";
  }
  try {
    const details = webpush.generateRequestDetails(
      { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      payload,
      {
        vapidDetails: vapid,
        TTL: TTL_SECONDS,
        urgency: "normal",
        // The push service replaces a waiting message of the same topic, as the browser does with `tag`.
        ...(tag && /^[A-Za-z0-9_-]{1,32}$/.test(tag) ? { topic: tag } : {}),
      },
    );
    const status = await post(details, policy);
    if (status >= 200 && status < 300) return "delivered";
    if (status === 404 || status === 410) return "gone";
    console.warn(`[push] ${where} answered ${status}`);
  } catch (error) {
    console.warn(`[push] could not deliver to ${where}:`, error instanceof Error ? error.message : error);
  }
  return "failed";
}

/**
 * POSTs the encrypted message. web-push only builds it (headers, body): its own sender speaks
 * HTTPS only, and here the connection also refuses a name that resolves to a non-public address.
 * Redirects are not followed (a push service never redirects).
 */
function post(details: webpush.RequestDetails, policy: EndpointPolicy): Promise<number> {
  const url = new URL(details.endpoint);
  const client = url.protocol === "http:" ? http : https;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      { method: "POST", headers: details.headers, lookup: publicOnlyLookup(policy), timeout: REQUEST_TIMEOUT_MS },
      (response) => {
        response.on("error", reject);
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.resume();
      },
    );
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
    request.end(details.body ?? undefined);
  });
}
