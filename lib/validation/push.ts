import "server-only";
import { ECDH } from "node:crypto";
import { z } from "zod";
import { endpointPolicy, isAllowedPushEndpoint } from "@/lib/push/endpoint";

/** A base64url value (what `PushSubscription.toJSON()` gives), padding tolerated, decoding to `bytes` bytes. */
function base64urlKey(bytes: number, message: string) {
  return z
    .string(message)
    .max(200, message)
    .transform((value) => value.replace(/=+$/, ""))
    .refine((value) => /^[A-Za-z0-9_-]+$/.test(value) && Buffer.from(value, "base64url").length === bytes, message);
}

/** The browser's P-256 public key: 65 bytes, uncompressed, and a point of the curve (else encryption fails later). */
function isP256PublicKey(value: string): boolean {
  const key = Buffer.from(value, "base64url");
  try {
    ECDH.convertKey(key, "prime256v1");
    return key[0] === 0x04;
  } catch {
    return false;
  }
}

const endpointSchema = z
  .string("push.endpointInvalid")
  .trim()
  .max(2048, "push.endpointInvalid")
  .refine((value) => isAllowedPushEndpoint(value, endpointPolicy()), "push.endpointInvalid");

/** What the browser's `PushSubscription.toJSON()` holds (its `expirationTime` is ignored). */
export const pushSubscriptionSchema = z.object({
  endpoint: endpointSchema,
  keys: z.object(
    {
      p256dh: base64urlKey(65, "push.keyInvalid").refine(isP256PublicKey, "push.keyInvalid"),
      auth: base64urlKey(16, "push.authInvalid"),
    },
    "push.keyInvalid",
  ),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** Unsubscribing names the endpoint only; any string will do, since only the member's own rows match. */
export const pushUnsubscribeSchema = z.object({
  endpoint: z.string("push.endpointInvalid").min(1, "push.endpointInvalid").max(2048, "push.endpointInvalid"),
});
export type PushUnsubscribeInput = z.infer<typeof pushUnsubscribeSchema>;
