import { createHmac, hkdfSync } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";

const SECRET = "unsubscribe-test-secret-".padEnd(40, "x");
const USER = "3f2b6c1e-8a4d-4e5f-9a0b-1c2d3e4f5a6b";
const SESSION_SALT = "authjs.session-token";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  process.env.DATABASE_URL = "";
  delete (globalThis as { propulseEnv?: unknown }).propulseEnv;
});

const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

describe("unsubscribe tokens", () => {
  it("carry a member and a scope", () => {
    expect(verifyUnsubscribeToken(createUnsubscribeToken(USER, "review"))).toEqual({ userId: USER, scope: "review" });
    expect(verifyUnsubscribeToken(createUnsubscribeToken(USER, "digest"))).toEqual({ userId: USER, scope: "digest" });
  });

  it("refuse a changed scope or member, and anything truncated", () => {
    const token = createUnsubscribeToken(USER, "review");
    const [, signature] = token.split(".");
    expect(verifyUnsubscribeToken(`${b64(JSON.stringify({ u: USER, s: "all" }))}.${signature}`)).toBeNull();
    const other = "00000000-0000-4000-8000-000000000000";
    expect(verifyUnsubscribeToken(`${b64(JSON.stringify({ u: other, s: "review" }))}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(token.slice(0, -2))).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.x`)).toBeNull();
    expect(verifyUnsubscribeToken("")).toBeNull();
  });

  it("refuse a MAC made with the secret for another purpose", () => {
    const payload = b64(JSON.stringify({ u: USER, s: "all" }));
    const withRawSecret = createHmac("sha256", SECRET).update(payload).digest();
    const otherLabel = Buffer.from(hkdfSync("sha256", SECRET, "propulse", "propulse password reset v1", 32));
    const withOtherKey = createHmac("sha256", otherLabel).update(payload).digest();
    expect(verifyUnsubscribeToken(`${payload}.${b64(withRawSecret)}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${b64(withOtherKey)}`)).toBeNull();
  });

  it("cannot sign anyone in, and a session cookie cannot unsubscribe", async () => {
    const token = createUnsubscribeToken(USER, "all");
    // What Auth.js does with a session cookie: an unsubscribe token is no session.
    await expect(decode({ token, secret: SECRET, salt: SESSION_SALT }).catch(() => null)).resolves.toBeNull();
    const session = await encode({ token: { sub: USER }, secret: SECRET, salt: SESSION_SALT });
    expect(verifyUnsubscribeToken(session)).toBeNull();
  });
});
