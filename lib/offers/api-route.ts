import "server-only";
import type { z } from "zod";
import { errorResponse, jsonRoute } from "@/lib/api";
import type { Actor } from "@/lib/permissions";
import { resolveApiActor } from "./api-tokens";

type PartnerContext = { actor: Actor; params: Record<string, string> };

/**
 * A `jsonRoute` of the partners' API that acts as the owner of a Bearer token, else as the
 * signed-in member. The token is resolved once per request, before the body is even read: a
 * wrong, revoked or malformed one answers 401 whatever the payload, and never falls back to the
 * cookie. The handler gets the resolved `actor`.
 */
export function partnerJsonRoute<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: PartnerContext) => Promise<{ status?: number; body: T }>,
) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    let tokenOwner: Actor = null;
    if (request.headers.has("authorization")) {
      try {
        tokenOwner = await resolveApiActor(request.headers);
      } catch (error) {
        return errorResponse(error);
      }
    }
    const route = jsonRoute(
      schema,
      (input, { user, params }) => handler(input, { actor: tokenOwner ?? user, params }),
      { hasOtherCredentials: tokenOwner !== null },
    );
    return route(request, context);
  };
}
