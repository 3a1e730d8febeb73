import type { BrowserContext } from "@playwright/test";
import { expect, test } from "./fixtures/test";
import { streamChunkedBody } from "./fixtures/streaming";

const MiB = 1024 * 1024;

async function serverRss(context: BrowserContext): Promise<number> {
  return (await (await context.request.get("/api/test/memory")).json()).rss;
}

async function cookieHeader(context: BrowserContext, baseURL: string): Promise<string> {
  return (await context.cookies(baseURL)).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

test.describe("request bodies", () => {
  // One stream at a time: each measures the server's memory around it.
  test.describe.configure({ mode: "serial" });

  /** Streams 150 MiB to `path` as the member: answered 413, and the server's memory stays flat. */
  async function expectCappedStream(
    memberContext: BrowserContext,
    url: string,
    path: string,
    headers: Record<string, string>,
    label: string,
  ) {
    const all = { cookie: await cookieHeader(memberContext, url), origin: url, ...headers };
    // A first small request compiles the route: its memory is not the stream's.
    await streamChunkedBody(url, path, all, 1);
    const before = await serverRss(memberContext);
    const answer = await streamChunkedBody(url, path, all, 150 * MiB);
    const after = await serverRss(memberContext);
    expect(answer.status).toBe(413);
    console.info(`[hardening] ${label}, 150 MiB stream: RSS ${Math.round((after - before) / MiB)} MiB`);
    expect(after - before).toBeLessThan(64 * MiB);
    return answer;
  }

  test("a member streaming 150 MiB to a JSON route gets 413 and the server's memory stays flat", async ({
    memberContext,
    baseURL,
  }) => {
    const answer = await expectCappedStream(
      memberContext,
      baseURL!,
      "/api/v1/channels/entraide/threads",
      { "content-type": "application/json" },
      "JSON route",
    );
    expect(answer.sentBytes).toBeLessThan(150 * MiB);
  });

  test("a member streaming 150 MiB as an upload gets 413 and the server's memory stays flat", async ({
    memberContext,
    baseURL,
  }) => {
    await expectCappedStream(
      memberContext,
      baseURL!,
      "/api/v1/reviews",
      { "content-type": "multipart/form-data; boundary=----propulse", "x-propulse-upload": "1" },
      "upload route",
    );
  });

  test("an anonymous stream is answered 401 before being read, and a declared 25 MiB body 413", async ({
    memberContext,
    baseURL,
  }) => {
    const url = baseURL!;
    const routes: [string, string][] = [
      ["/api/v1/channels/entraide/threads", "application/json"],
      ["/api/v1/reviews", "multipart/form-data; boundary=x"],
    ];
    // 1 GiB offered: on a quiet machine localhost swallows 150 MiB before any answer can come
    // back, so only a body far larger than that shows the answer did not wait for it.
    for (const [path, contentType] of routes) {
      const anonymous = await streamChunkedBody(
        url,
        path,
        { "content-type": contentType, "x-propulse-upload": "1" },
        1024 * MiB,
      );
      expect(anonymous.status).toBe(401);
      expect(anonymous.sentBytes).toBeLessThan(1024 * MiB);
    }
    const declared = await memberContext.request.post("/api/v1/channels/entraide/threads", {
      headers: { "content-type": "application/json" },
      data: Buffer.alloc(25 * MiB, 0x20),
    });
    expect(declared.status()).toBe(413);
  });
});

test("a write with a member's cookie sent by another site, or disguised as JSON, is refused", async ({
  memberContext,
}) => {
  const body = JSON.stringify({ body: { type: "doc", content: [] }, idempotencyKey: crypto.randomUUID() });
  const crossSite = await memberContext.request.post("/api/v1/threads/1/posts", {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: body,
  });
  expect(crossSite.status()).toBe(403);
  const disguised = await memberContext.request.post("/api/v1/threads/1/posts", {
    headers: { "content-type": "text/plain; x=application/json" },
    data: body,
  });
  expect(disguised.status()).toBe(415);
});

test("pages and files carry the isolation, permission and caching headers", async ({ memberContext }) => {
  const home = await memberContext.request.get("/");
  expect(home.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(home.headers()["cross-origin-resource-policy"]).toBe("same-site");
  expect(home.headers()["permissions-policy"]).toContain("camera=()");
  expect(home.headers()["permissions-policy"]).toContain("microphone=()");
  expect(home.headers()["strict-transport-security"]).toBeUndefined();
  const pitchForm = await memberContext.request.get("/c/pitch/pitch/new");
  expect(pitchForm.headers()["permissions-policy"]).toContain("microphone=(self)");
  expect(pitchForm.headers()["permissions-policy"]).toContain("camera=()");
  const overHttps = await memberContext.request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
  const file = await memberContext.request.get("/api/v1/files/999999");
  expect(file.headers()["referrer-policy"]).toBe("no-referrer");
  const thread = await memberContext.request.get("/api/v1/threads/1");
  expect(thread.headers()["cache-control"]).toBe("private, no-store");
});
