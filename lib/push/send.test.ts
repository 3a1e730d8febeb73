/**
 * Push delivery through the real sender, without the internet: a local HTTP server stands in for
 * the push service, decrypts each message with the subscribing device's own keys (RFC 8291) and
 * checks the VAPID signature. Subscriptions the service has forgotten (404, 410) must disappear.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pushSubscriptions, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { newDeviceKeys, startFakePushService } from "./fake-push-service";
import { getVapidPublicKey } from "./keys";
import { sendPushToUser } from "./send";
import { subscribePush } from "./subscriptions";

let testDb: TestDb & { dataDir: string };
let pushService: Awaited<ReturnType<typeof startFakePushService>>;
let member: User;

beforeAll(async () => {
  // The stand-in listens on http://127.0.0.1: accepted only with this flag.
  testDb = await createServiceTestDb({ PUSH_ALLOW_INSECURE_ENDPOINTS: "1" });
  pushService = await startFakePushService();
  member = await makeUser(testDb.db, "Camille Durand");
});
afterAll(async () => {
  await pushService?.close();
  await testDb?.close();
});

async function subscribe(user: User, device: { endpoint: string; keys: { p256dh: string; auth: string } }) {
  await subscribePush(contextFor(actorOf(user), testDb.db), { endpoint: device.endpoint, keys: device.keys });
}

function rowsOf(userId: string) {
  return testDb.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
}

/** An address where nothing listens (a port just freed). */
async function closedPortEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/push/nobody`;
}

describe("sendPushToUser", () => {
  it("sends a message only the device's keys decrypt, signed for the push service's origin", async () => {
    const phone = pushService.device(201);
    await subscribe(member, phone);
    const message = {
      title: "Nouvelle réponse",
      body: "Julien a répondu à « Relire mon CV »",
      url: "/t/42/relire-mon-cv#p3",
      tag: "thread-42",
    };

    expect(await sendPushToUser(testDb.db, member.id, message)).toEqual({ sent: 1, removed: 0 });

    expect(pushService.errors).toEqual([]);
    const [push] = pushService.received.filter((entry) => entry.device === phone);
    expect(push?.payload).toEqual(message);
    expect(push?.headers["content-encoding"]).toBe("aes128gcm");
    expect(push?.headers.ttl).toBe("86400");
    expect(push?.headers.urgency).toBe("normal");
    expect(push?.headers.topic).toBe("thread-42");
    // VAPID: the app's public key, a JWT for this push service's origin, still valid, with a contact.
    expect(push?.vapid.publicKey).toBe(getVapidPublicKey());
    expect(push?.vapid.claims.aud).toBe(pushService.origin);
    expect(push?.vapid.claims.exp).toBeGreaterThan(Date.now() / 1000);
    expect(push?.vapid.claims.sub).toMatch(/^mailto:\S+@\S+$/);
    const [row] = await rowsOf(member.id);
    expect(row?.lastSuccessAt).toBeInstanceOf(Date);
  });

  it("deletes subscriptions the push service no longer knows, keeps the others, and never throws for one device", async () => {
    const user = await makeUser(testDb.db, "Yanis Haddad");
    const laptop = pushService.device(201);
    const uninstalled = pushService.device(410);
    const unknown = pushService.device(404);
    const overloaded = pushService.device(503);
    const unreachable = { endpoint: await closedPortEndpoint(), ...newDeviceKeys() };
    for (const device of [laptop, uninstalled, unknown, overloaded, unreachable]) await subscribe(user, device);

    const result = await sendPushToUser(testDb.db, user.id, {
      title: "Rappel",
      body: "Atelier pitch demain",
      url: "/",
    });

    expect(result).toEqual({ sent: 1, removed: 2 });
    const rows = await rowsOf(user.id);
    expect(rows.map((row) => row.endpoint).sort()).toEqual(
      [laptop.endpoint, overloaded.endpoint, unreachable.endpoint].sort(),
    );
    const succeeded = rows.filter((row) => row.lastSuccessAt !== null).map((row) => row.endpoint);
    expect(succeeded).toEqual([laptop.endpoint]);
  });

  it("shortens a long text so the encrypted message stays under the push services' 4 KB limit", async () => {
    const user = await makeUser(testDb.db, "Inès Martin");
    const tablet = pushService.device(201);
    await subscribe(user, tablet);
    await sendPushToUser(testDb.db, user.id, { title: "Long", body: "é".repeat(5000), url: "/" });
    const push = pushService.received.find((entry) => entry.device === tablet);
    const body = (push?.payload as { body: string }).body;
    expect(body).toHaveLength(400);
    expect(body.endsWith("…")).toBe(true);
  });

  it("sends nothing to a member without a subscription", async () => {
    const user = await makeUser(testDb.db, "Léa Petit");
    const before = pushService.received.length;
    expect(await sendPushToUser(testDb.db, user.id, { title: "t", body: "b", url: "/" })).toEqual({
      sent: 0,
      removed: 0,
    });
    expect(pushService.received).toHaveLength(before);
  });

  it("generated the VAPID key pair once, in DATA_DIR, readable by the app alone", () => {
    const file = path.join(testDb.dataDir, "vapid-keys.json");
    expect(JSON.parse(readFileSync(file, "utf8")).publicKey).toBe(getVapidPublicKey());
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
