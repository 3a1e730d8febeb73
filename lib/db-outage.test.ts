import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { jsonAction } from "./action";
import { jsonRoute } from "./api";
import {
  clearDatabaseOutage,
  isDatabaseDown,
  isDatabaseUnavailable,
  noteDatabaseError,
  setDatabaseProbe,
} from "./db-outage";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
const session = vi.hoisted(() => ({ fails: false }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => {
    if (session.fails)
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
        code: "ECONNREFUSED",
        syscall: "connect",
      });
    return { id: "member" };
  },
}));

// What node-postgres throws when the server goes away, wrapped as drizzle wraps it.
const terminated = new Error("Failed query: select …", {
  cause: Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
});
const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
  code: "ECONNREFUSED",
  syscall: "connect",
});

let isUp = false;
beforeEach(() => {
  session.fails = false;
  isUp = false;
  vi.spyOn(console, "warn").mockImplementation(() => {});
  vi.spyOn(console, "info").mockImplementation(() => {});
  setDatabaseProbe(async () => {
    if (!isUp) throw refused;
  });
});
afterEach(() => {
  // A case that opened an outage leaves no probe running into the next one (fake timers or not).
  clearDatabaseOutage();
  vi.restoreAllMocks();
});

describe("database outage", () => {
  it("tells connection failures from query errors", () => {
    expect(isDatabaseUnavailable(terminated)).toBe(true);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    // A browser closing its request mid-body (Node's "aborted") is no database outage.
    expect(isDatabaseUnavailable(Object.assign(new Error("aborted"), { code: "ECONNRESET" }))).toBe(false);
    expect(
      isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET", syscall: "read" })),
    ).toBe(true);
  });

  it("answers API calls 503 with Retry-After, and never logs it as unexpected", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const route = jsonRoute(z.object({}), async () => {
      throw terminated;
    });
    const response = await route(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await response.json()).error).toBe("unavailable");
    session.fails = true;
    const beforeAuth = await route(new Request("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
    expect(beforeAuth.status).toBe(503);
    expect(errors).not.toHaveBeenCalled();
  });

  it("gives actions the 'unavailable' message, whether the session or the work fails", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = jsonAction(z.object({}), async () => {
      throw refused;
    });
    expect(await action({})).toEqual({ ok: false, error: "errors.unavailable" });
    session.fails = true;
    expect(await action({})).toEqual({ ok: false, error: "errors.unavailable" });
    expect(errors).not.toHaveBeenCalled();
  });

  it("stays open until a probe reaches the database again", async () => {
    vi.useFakeTimers();
    try {
      noteDatabaseError(refused);
      expect(isDatabaseDown()).toBe(true);
      await vi.advanceTimersByTimeAsync(3_000);
      expect(isDatabaseDown()).toBe(true);
      isUp = true;
      await vi.advanceTimersByTimeAsync(1_000);
      expect(isDatabaseDown()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
