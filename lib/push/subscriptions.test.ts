/**
 * Subscribing and unsubscribing through the real service, as the API route calls it: only active
 * members, only their own rows, and never an endpoint the server should not POST to. Refusals are
 * AppErrors and leave the table unchanged.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushSubscriptions, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { newDeviceKeys } from "./fake-push-service";
import { MAX_PUSH_DEVICES, subscribePush, unsubscribePush } from "./subscriptions";

let testDb: TestDb;
let camille: User;
let yanis: User;

beforeAll(async () => {
  // The production policy: no local endpoints.
  testDb = await createServiceTestDb({ PUSH_ALLOW_INSECURE_ENDPOINTS: "0" });
  camille = await makeUser(testDb.db, "Camille Durand");
  yanis = await makeUser(testDb.db, "Yanis Haddad");
});
afterAll(() => testDb.close());

let count = 0;
/** A subscription as Firefox would send it, on a unique endpoint. */
function browserSubscription(endpoint = `https://updates.push.services.mozilla.com/wpush/v2/device-${++count}`) {
  return { endpoint, keys: newDeviceKeys().keys };
}

const as = (actor: Actor) => contextFor(actor, testDb.db);

async function refusal(promise: Promise<unknown>): Promise<{ code: string; field?: string; message: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, field: error.field, message: error.messageKey };
}

async function rowsAt(endpoint: string) {
  return testDb.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.endpoint, endpoint));
}

describe("subscribePush", () => {
  it("stores the member's device, and moves an endpoint to whoever subscribes it next on that browser", async () => {
    const subscription = browserSubscription();
    await subscribePush(as(actorOf(camille)), { ...subscription, userAgent: "Firefox" });
    expect((await rowsAt(subscription.endpoint)).map((row) => [row.userId, row.userAgent])).toEqual([
      [camille.id, "Firefox"],
    ]);

    const renewed = { ...subscription, keys: newDeviceKeys().keys };
    await subscribePush(as(actorOf(yanis)), renewed);
    const rows = await rowsAt(subscription.endpoint);
    expect(rows.map((row) => [row.userId, row.p256dh, row.auth])).toEqual([
      [yanis.id, renewed.keys.p256dh, renewed.keys.auth],
    ]);
  });

  it("refuses endpoints that are not https, or that point at this machine or a private network", async () => {
    for (const endpoint of [
      "http://updates.push.services.mozilla.com/wpush/v2/x",
      "https://127.0.0.1/push",
      "http://127.0.0.1:4000/push",
      "https://localhost/push",
      "https://10.0.0.8/push",
      "https://192.168.1.1/push",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/push",
      "https://[fd00::1]/push",
      "https://[fe80::1]/push",
    ]) {
      expect(await refusal(subscribePush(as(actorOf(camille)), browserSubscription(endpoint))), endpoint).toEqual({
        code: "bad_request",
        field: "endpoint",
        message: "push.endpointInvalid",
      });
      expect(await rowsAt(endpoint)).toEqual([]);
    }
  });

  it("refuses keys that are not a P-256 public key and a 16-byte secret", async () => {
    const good = browserSubscription();
    const notOnCurve = Buffer.from(good.keys.p256dh, "base64url");
    notOnCurve[64] = notOnCurve[64]! ^ 1;
    const cases = [
      [{ ...good.keys, p256dh: notOnCurve.toString("base64url") }, "keys.p256dh"],
      [{ ...good.keys, p256dh: "c2hvcnQ" }, "keys.p256dh"],
      [{ ...good.keys, auth: Buffer.alloc(8).toString("base64url") }, "keys.auth"],
      [{ ...good.keys, auth: "not base64url!!!!!!!!!" }, "keys.auth"],
    ] as const;
    for (const [keys, field] of cases) {
      expect((await refusal(subscribePush(as(actorOf(camille)), { ...good, keys }))).field).toBe(field);
    }
    expect(await rowsAt(good.endpoint)).toEqual([]);
  });

  it("is for active members only", async () => {
    const subscription = browserSubscription();
    expect((await refusal(subscribePush(as(null), subscription))).code).toBe("unauthenticated");
    const pending = await makeUser(testDb.db, "Noah Bernard");
    await testDb.db.update(users).set({ status: "pending" }).where(eq(users.id, pending.id));
    const asPending = as(actorOf({ ...pending, status: "pending" }));
    expect((await refusal(subscribePush(asPending, subscription))).code).toBe("forbidden");
    expect(await rowsAt(subscription.endpoint)).toEqual([]);
  });

  it(`keeps a member's ${MAX_PUSH_DEVICES} most recent devices`, async () => {
    const member = await makeUser(testDb.db, "Inès Martin");
    const endpoints: string[] = [];
    for (let i = 0; i <= MAX_PUSH_DEVICES; i += 1) {
      const subscription = browserSubscription();
      endpoints.push(subscription.endpoint);
      await subscribePush(as(actorOf(member)), subscription);
    }
    const rows = await testDb.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, member.id));
    expect(rows).toHaveLength(MAX_PUSH_DEVICES);
    expect(rows.map((row) => row.endpoint)).toContain(endpoints.at(-1));
  });
});

describe("unsubscribePush", () => {
  it("removes the member's own device", async () => {
    const subscription = browserSubscription();
    await subscribePush(as(actorOf(camille)), subscription);
    await unsubscribePush(as(actorOf(camille)), { endpoint: subscription.endpoint });
    expect(await rowsAt(subscription.endpoint)).toEqual([]);
  });

  it("cannot remove someone else's device: not found, and the row stays", async () => {
    const subscription = browserSubscription();
    await subscribePush(as(actorOf(camille)), subscription);
    expect((await refusal(unsubscribePush(as(actorOf(yanis)), { endpoint: subscription.endpoint }))).code).toBe(
      "not_found",
    );
    expect((await refusal(unsubscribePush(as(null), { endpoint: subscription.endpoint }))).code).toBe(
      "unauthenticated",
    );
    expect((await rowsAt(subscription.endpoint)).map((row) => row.userId)).toEqual([camille.id]);
  });
});
