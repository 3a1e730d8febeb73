import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { jsonRoute } from "./api";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("@/lib/env", () => ({
  getEnv: () => ({ PUBLIC_URL: "http://localhost:3000", AUTH_URL: undefined, ALLOWED_ORIGINS: undefined }),
}));
const session = vi.hoisted(() => ({ user: null as null | { id: string } }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const acted = vi.fn();
const schema = z.object({ text: z.string().optional() });
const route = (options?: { hasOtherCredentials?: boolean }) =>
  jsonRoute(
    schema,
    async (input) => {
      acted(input);
      return { status: 201, body: { ok: true } };
    },
    options,
  );
const params = { params: Promise.resolve({}) };

function post(headers: Record<string, string>, body: BodyInit = JSON.stringify({ text: "Bonjour" })) {
  return new Request("http://localhost:3000/api/v1/threads/2/posts", {
    method: "POST",
    body,
    headers: { host: "localhost:3000", ...headers },
  });
}

describe("jsonRoute", () => {
  beforeEach(() => {
    session.user = { id: "member" };
    acted.mockClear();
  });

  it("acts on a same-site JSON write of a member", async () => {
    const sameOrigin = { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" };
    const response = await route()(post({ ...sameOrigin, "content-type": "application/json; charset=utf-8" }), params);
    expect(response.status).toBe(201);
    expect(acted).toHaveBeenCalledWith({ text: "Bonjour" });
  });

  it("refuses a write sent by another site with the member's cookie, acting on nothing", async () => {
    const json = { "content-type": "application/json" };
    const evil = await route()(post({ ...json, origin: "https://evil.example" }), params);
    expect(evil.status).toBe(403);
    const noOrigin = await route()(post({ ...json, "sec-fetch-site": "cross-site" }), params);
    expect(noOrigin.status).toBe(403);
    const deletion = new Request("http://localhost:3000/api/v1/posts/3", {
      method: "DELETE",
      headers: { host: "localhost:3000", origin: "https://evil.example" },
    });
    expect((await route()(deletion, params)).status).toBe(403);
    expect(acted).not.toHaveBeenCalled();
  });

  it("accepts only the exact JSON media type", async () => {
    const disguised = await route()(post({ "content-type": "text/plain; x=application/json" }), params);
    expect(disguised.status).toBe(415);
    const almost = await route()(post({ "content-type": "application/jsonp" }), params);
    expect(almost.status).toBe(415);
    expect(acted).not.toHaveBeenCalled();
  });

  it("lets a partner's Bearer-token call through from anywhere", async () => {
    session.user = null;
    const headers = { "content-type": "application/json", origin: "https://partenaire.example" };
    const response = await route({ hasOtherCredentials: true })(post(headers), params);
    expect(response.status).toBe(201);
  });

  it("answers an anonymous write with 401 before reading its body, and a body over 256 KiB with 413", async () => {
    const json = { "content-type": "application/json" };
    const big = JSON.stringify({ text: "a".repeat(300 * 1024) });
    const tooBig = await route()(post(json, big), params);
    expect(tooBig.status).toBe(413);
    session.user = null;
    const anonymous = await route()(post(json, "not even JSON"), params);
    expect(anonymous.status).toBe(401);
    expect(acted).not.toHaveBeenCalled();
  });
});

describe("jsonRoute answers", () => {
  it("are never stored when read by a signed-in member", async () => {
    const read = (user: { id: string } | null) => {
      session.user = user;
      return route()(new Request("http://localhost:3000/api/v1/threads/2"), params);
    };
    expect((await read({ id: "member" })).headers.get("cache-control")).toBe("private, no-store");
    expect((await read(null)).headers.get("cache-control")).toBeNull();
  });
});
