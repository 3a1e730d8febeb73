import "server-only";
import { translateKey } from "@/lib/i18n/translate-key";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, databaseUnavailableError } from "@/lib/errors";
import { noteDatabaseError } from "@/lib/db-outage";

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

/**
 * A JSON route handler in the house order: authenticate → parse → (the handler) load →
 * authorise → act. Writes (every method but GET) need an account: an anonymous caller gets 401
 * before its body is even read, whatever it holds. Bodies must be JSON (which a cross-site form
 * cannot send without CORS); invalid input gets a 400 with localized messages per field.
 * `hasOtherCredentials`: the caller was identified otherwise (a partner's Bearer token).
 */
export function jsonRoute<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, ctx: Context) => Promise<{ status?: number; body: T }>,
  options: { hasOtherCredentials?: boolean } = {},
) {
  return async (request: Request, { params }: { params: Promise<Record<string, string>> }) => {
    const resolved = await params;
    let user: CurrentUser | null;
    try {
      user = await getCurrentUser();
    } catch (error) {
      return errorResponse(error);
    }
    if (request.method !== "GET" && !user && !options.hasOtherCredentials) {
      return errorResponse(new AppError("unauthenticated"));
    }
    let raw: unknown = {};
    if (request.method !== "GET" && request.method !== "DELETE") {
      if (!request.headers.get("content-type")?.includes("application/json")) {
        return NextResponse.json(
          { error: "unsupported_media_type", message: "Content-Type must be application/json" },
          { status: 415 },
        );
      }
      raw = await request.json().catch(() => undefined);
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
      return NextResponse.json(body, { status });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
