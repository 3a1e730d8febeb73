import { errorResponse } from "@/lib/api";
import { resolveApiActor } from "./api-tokens";

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * A presented Bearer token is checked before the body is even read: a wrong, revoked or
 * malformed token answers 401 whatever the payload (the handler then resolves the actor again).
 */
export function checkBearerFirst<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    if (request.headers.has("authorization")) {
      try {
        await resolveApiActor(request.headers);
      } catch (error) {
        return errorResponse(error);
      }
    }
    return handler(request, context);
  };
}
