import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/unsubscribe/one-click/route";
import { getNotificationSettings } from "@/db/queries/notification-settings";
import { createServiceTestDb } from "@/db/service-testing";
import { makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { createUnsubscribeToken } from "./unsubscribe-token";
import { unsubscribeHeaders } from "./unsubscribe";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createServiceTestDb({ PUBLIC_URL: "https://propulse.example" });
});

afterAll(async () => {
  await testDb.close();
});

/** A mail client's RFC 8058 one-click POST: the body it sends, no cookie. */
function oneClick(url: string, body = "List-Unsubscribe=One-Click") {
  return POST(
    new NextRequest(url, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
}

const urlOf = (header: string) => header.replace(/^<|>$/g, "");

describe("unsubscribe links", () => {
  it("turn one type's e-mails off with a one-click POST and no session", async () => {
    const user = await makeUser(testDb.db, "Camille");
    const headers = unsubscribeHeaders(user.id, "review");
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const response = await oneClick(urlOf(headers["List-Unsubscribe"]!));
    expect(response.status).toBe(200);
    const settings = await getNotificationSettings(testDb.db, { userId: user.id });
    expect(settings.delivery.review.email).toBe("off");
    expect(settings.delivery.mention.email).toBe("now");
    expect(settings.digest).toBe("weekly");
  });

  it("change nothing on GET (link scanners), and send the browser to the confirmation page", async () => {
    const user = await makeUser(testDb.db, "Yanis");
    const token = createUnsubscribeToken(user.id, "all");
    const response = await GET(new NextRequest(`https://propulse.example/unsubscribe/one-click?token=${token}`));
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`https://propulse.example/unsubscribe?token=${token}`);
    expect((await getNotificationSettings(testDb.db, { userId: user.id })).isStored).toBe(false);
  });

  it("send the confirmation page's form back to it, done; `all` stops every e-mail and the digest", async () => {
    const user = await makeUser(testDb.db, "Inès");
    const token = createUnsubscribeToken(user.id, "all");
    const response = await oneClick(`https://propulse.example/unsubscribe/one-click?token=${token}`, "confirm=1");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`https://propulse.example/unsubscribe?token=${token}&done=1`);
    const settings = await getNotificationSettings(testDb.db, { userId: user.id });
    expect(Object.values(settings.delivery).map((delivery) => delivery.email)).toEqual(
      Object.keys(settings.delivery).map(() => "off"),
    );
    expect(settings.digest).toBe("never");
  });

  it("refuse a tampered token and leave the settings alone", async () => {
    const user = await makeUser(testDb.db, "Léa");
    const [, signature] = createUnsubscribeToken(user.id, "review").split(".");
    const forged = `${Buffer.from(JSON.stringify({ u: user.id, s: "all" })).toString("base64url")}.${signature}`;
    const response = await oneClick(`https://propulse.example/unsubscribe/one-click?token=${forged}`);
    expect(response.status).toBe(400);
    expect((await getNotificationSettings(testDb.db, { userId: user.id })).isStored).toBe(false);
  });
});
