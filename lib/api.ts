import "server-only";
import { translateKey } from "@/lib/i18n/translate-key";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, databaseUnavailableError } from "@/lib/errors";
import { noteDatabaseError } from "@/lib/db-outage";
import { noteDiskFullError } from "@/lib/disk-space";
import { getEnv } from "@/lib/env";
import { isCrossSiteRequest } from "@/lib/origin";
import { hasMediaType, JSON_BODY_MAX_BYTES, readBodyCapped } from "@/lib/request-body";

type Context = { user: CurrentUser | null; params: Record<string, string> };

/** One localized message per field; shared by JSON routes and upload routes. */
export async function translateFieldErrors(error: z.ZodError): Promise<Record<string, string[]>> {
  const t = await getTranslations();
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_request";
    // Our schemas use i18n keys as messages; zod's own messages pass through.
    const message = /^[a-z]+(?:\.[A-Za-z_]+)+$/.test(issue.message) ? translateKey(t, issue.message) : issue.message;
    (fields[key] ??= []).push(message);
  }
  return fields;
}

export async function errorResponse(error: unknown): Promise<NextResponse> {
  // A lost database connection is an outage to wait out (503, Retry-After), not a crash to log.
  if (noteDatabaseError(error)) error = databaseUnavailableError();
  // A full disk (an upload that does not fit, the database's 53100): a 507 to retry later, not a crash.
  if (noteDiskFullError(error)) error = new AppError("insufficient_storage");
  if (error instanceof AppError) {
    const t = await getTranslations();
    const headers =
      typeof error.values?.retryAfterSeconds === "number"
        ? { "Retry-After": String(error.values.retryAfterSeconds) }
        : undefined;
    return NextResponse.json(
      { error: error.code, message: translateKey(t, error.messageKey, error.values) },
      { status: error.status, headers },
    );
  }
  console.error("[api] unexpected error:", error);
  return NextResponse.json({ error: "internal", message: "Internal error" }, { status: 500 });
}

/** What a signed-in member reads is theirs: never stored by the browser or a shared cache. */
function privateWhenSignedIn(response: NextResponse, user: CurrentUser | null): NextResponse {
  if (user) response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A JSON route handler in the house order: authenticate → parse → (the handler) load →
 * authorise → act. Writes (every method but GET) need an account: an anonymous caller gets 401
 * before its body is even read, whatever it holds. Bodies above `JSON_BODY_MAX_BYTES` get a 413,
 * counted while they stream. Writes sent by another site (`Origin`, `Sec-Fetch-Site`) get a 403
 * unless a token identifies the caller, and bodies must be exactly `application/json` (which a
 * cross-site form cannot send without CORS); invalid input gets a 400 with localized messages.
 * `hasOtherCredentials`: the caller was identified otherwise (a partner's Bearer token).
 */
export function jsonRoute<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: Context) => Promise<{ status?: number; body: T }>,
  options: { hasOtherCredentials?: boolean } = {},
) {
  return async (request: Request, { params }: { params: Promise<Record<string, string>> }) => {
    const resolved = await params;
    const isWrite = request.method !== "GET" && request.method !== "HEAD";
    // A token is no ambient credential: partners call from anywhere. A cookie is, so no write
    // sent by another site's page is acted upon.
    if (isWrite && !options.hasOtherCredentials && isCrossSiteRequest(request.headers, getEnv())) {
      return errorResponse(new AppError("forbidden"));
    }
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      // The database may be down: answered 503, like any other failure of the request.
      return errorResponse(error);
    }
    if (isWrite && !user && !options.hasOtherCredentials) {
      return errorResponse(new AppError("unauthenticated"));
    }
    let raw: unknown = {};
    if (isWrite && request.method !== "DELETE") {
      if (!hasMediaType(request, "application/json")) {
        return NextResponse.json(
          { error: "unsupported_media_type", message: "Content-Type must be application/json" },
          { status: 415 },
        );
      }
      try {
        raw = parseJson(await readBodyCapped(request, JSON_BODY_MAX_BYTES));
      } catch (error) {
        return errorResponse(error);
      }
      if (raw === undefined)
        return NextResponse.json({ error: "bad_request", message: "Malformed JSON" }, { status: 400 });
    } else {
      raw = Object.fromEntries(new URL(request.url).searchParams);
    }
    const parsed = schema.safeParse({ ...(raw as object), ...resolved });
    if (!parsed.success) {
      return NextResponse.json(
        { error: "invalid_request", fields: await translateFieldErrors(parsed.error) },
        { status: 400 },
      );
    }
    try {
      const { status = 200, body } = await handler(parsed.data, { user, params: resolved });
      return privateWhenSignedIn(NextResponse.json(body, { status }), user);
    } catch (error) {
      return privateWhenSignedIn(await errorResponse(error), user);
    }
  };
}
