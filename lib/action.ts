import "server-only";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { noteDatabaseError } from "@/lib/db-outage";
import { isDiskLow, noteDiskFullError } from "@/lib/disk-space";

/** What every server action returns. Error strings are i18n keys, translated by the form. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      /** Placeholders of the error message (`t(error, errorValues)`). */
      errorValues?: Record<string, string | number>;
    };

/** An action's first argument when used with `useActionState`. */
export type ActionState<T = undefined> = ActionResult<T> | null;

export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

type Handler<S extends z.ZodType, T> = (input: z.output<S>, ctx: { user: CurrentUser | null }) => Promise<T>;

/**
 * Wraps a form action: parses the FormData with the shared zod schema, resolves the session,
 * runs the handler (which checks capabilities through lib/permissions), and turns failures
 * into a result the form can show without losing what was typed. Passwords are never echoed.
 */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  handler: Handler<S, T>,
  options: { secretFields?: readonly string[]; requireUser?: boolean } = {},
) {
  const secretFields = options.secretFields ?? ["password", "currentPassword"];
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    const values = formValues(formData, secretFields);
    const parsed = schema.safeParse(Object.fromEntries(formData.entries()));
    if (!parsed.success) {
      return { ok: false, error: "errors.invalid_form", fieldErrors: fieldErrorsOf(parsed.error), values };
    }
    // Free space under DATA_DIR below the threshold: nothing is written, what was typed is kept.
    if (isDiskLow()) return { ok: false, error: "errors.insufficient_storage", values };
    const session = await currentSession();
    if (!session) return { ok: false, error: "errors.unavailable", values };
    const { user } = session;
    if (options.requireUser && !user) return { ok: false, error: "errors.unauthenticated", values };
    try {
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof AppError) {
        // An error about one field (a start date in the past) shows beside that field.
        if (error.field) {
          return {
            ok: false,
            error: "errors.invalid_form",
            fieldErrors: { [error.field]: [error.messageKey] },
            values,
          };
        }
        return { ok: false, error: error.messageKey, errorValues: error.values, values };
      }
      if (isNextControlFlow(error)) throw error;
      if (noteDatabaseError(error)) return { ok: false, error: "errors.unavailable", values };
      if (noteDiskFullError(error)) return { ok: false, error: "errors.insufficient_storage", values };
      console.error("[action] unexpected error:", error);
      return { ok: false, error: "errors.internal", values };
    }
  };
}

/** The session, or null when the database cannot be reached to check it (an outage, not a crash). */
async function currentSession(): Promise<{ user: CurrentUser | null } | null> {
  try {
    return { user: await getCurrentUser() };
  } catch (error) {
    if (noteDatabaseError(error)) return null;
    throw error;
  }
}

/** Next's redirect() and notFound() work by throwing: those must pass through. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))
  );
}

/**
 * Wraps an action called from client code with a plain object: same contract as `formAction`
 * (session, zod, curated errors), without echoing values.
 */
export function jsonAction<S extends z.ZodType, T>(schema: S, handler: Handler<S, T>) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, error: "errors.invalid_form", fieldErrors: fieldErrorsOf(parsed.error) };
    if (isDiskLow()) return { ok: false, error: "errors.insufficient_storage" };
    const session = await currentSession();
    if (!session) return { ok: false, error: "errors.unavailable" };
    const { user } = session;
    try {
      return { ok: true, data: await handler(parsed.data, { user }) };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.messageKey, errorValues: error.values };
      if (isNextControlFlow(error)) throw error;
      if (noteDatabaseError(error)) return { ok: false, error: "errors.unavailable" };
      if (noteDiskFullError(error)) return { ok: false, error: "errors.insufficient_storage" };
      console.error("[action] unexpected error:", error);
      return { ok: false, error: "errors.internal" };
    }
  };
}
