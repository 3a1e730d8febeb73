import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { partnerJsonRoute } from "./api-route";
import { resolveApiActor } from "./api-tokens";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => ({ id: "cookie-member" }) }));
vi.mock("./api-tokens", () => ({ resolveApiActor: vi.fn() }));
const resolve = vi.mocked(resolveApiActor);

const route = partnerJsonRoute(z.object({ title: z.string() }), async (input, { actor }) => ({
  body: { title: input.title, actorId: actor?.id ?? null },
}));
const post = (body: string, headers: Record<string, string> = {}) =>
  route(
    new Request("http://localhost/api/v1/job-offers", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    }),
    { params: Promise.resolve({}) },
  );

describe("partnerJsonRoute", () => {
  beforeEach(() => {
    resolve.mockReset();
  });

  it("resolves a Bearer token once per request and acts as its owner", async () => {
    resolve.mockResolvedValue({ id: "token-owner", role: "member", status: "active" });
    const response = await post('{"title":"Chargée de mission"}', { authorization: "Bearer ppo_0123456789" });
    expect(await response.json()).toEqual({ title: "Chargée de mission", actorId: "token-owner" });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it("answers a refused token with 401 before reading the body", async () => {
    resolve.mockRejectedValue(new AppError("unauthenticated", "offers.invalidToken"));
    const response = await post("not json", { authorization: "Bearer wrong" }).catch((e) => {
      console.log("CAUGHT", e, e.stack);
      throw e;
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe("unauthenticated");
  });

  it("acts as the signed-in member when no token is presented", async () => {
    const response = await post('{"title":"Stage"}');
    expect(await response.json()).toEqual({ title: "Stage", actorId: "cookie-member" });
    expect(resolve).not.toHaveBeenCalled();
  });
});
