import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { createRequestLimiter } from "./requests";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

/** A request from `address` to `url`, and the answer the limiter wrote if it refused it. */
function call(limiter: ReturnType<typeof createRequestLimiter>, address: string, url = "/c/entraide") {
  const req = { url, headers: { "x-propulse-client-ip": address } } as unknown as IncomingMessage;
  const answer: { status?: number; headers?: Record<string, string> } = {};
  const res = {
    writeHead: (status: number, headers: Record<string, string>) => Object.assign(answer, { status, headers }),
    end: () => undefined,
  } as unknown as ServerResponse;
  return { isRefused: limiter.refuse(req, res), ...answer };
}

describe("the per-address request limit", () => {
  it("answers 429 with Retry-After past the budget, for that address only, static assets exempt", () => {
    const limiter = createRequestLimiter({ limit: 10, windowSeconds: 60 });
    for (let i = 0; i < 10; i++) expect(call(limiter, "198.51.100.1").isRefused).toBe(false);
    const refused = call(limiter, "198.51.100.1");
    expect(refused).toMatchObject({ isRefused: true, status: 429 });
    expect(Number(refused.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(call(limiter, "198.51.100.1", "/_next/static/chunks/app.js").isRefused).toBe(false);
    expect(call(limiter, "198.51.100.1", "/api/health").isRefused).toBe(false);
    expect(call(limiter, "198.51.100.2").isRefused).toBe(false);
    limiter.stop();
  });

  it("is shared by instances through the database", async () => {
    const options = { limit: 10, windowSeconds: 60, db: testDb.db, flushMs: 60_000 };
    const [first, second] = [createRequestLimiter(options), createRequestLimiter(options)];
    for (let i = 0; i < 6; i++) expect(call(first, "203.0.113.4").isRefused).toBe(false);
    for (let i = 0; i < 6; i++) expect(call(second, "203.0.113.4").isRefused).toBe(false);
    await first.flush();
    await second.flush();
    await first.flush();
    // 12 requests over two instances: the next one is refused on either.
    expect(call(first, "203.0.113.4").status).toBe(429);
    expect(call(second, "203.0.113.4").status).toBe(429);
    expect(call(second, "203.0.113.5").isRefused).toBe(false);
    first.stop();
    second.stop();
  });

  it("counts nothing when off", () => {
    const limiter = createRequestLimiter({ limit: "off", windowSeconds: 10 });
    for (let i = 0; i < 1000; i++) expect(call(limiter, "192.0.2.9").isRefused).toBe(false);
  });
});
