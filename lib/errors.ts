import "server-only";
import { RETRY_AFTER_SECONDS } from "@/lib/db-outage";
export const errorCodes = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  /** The database cannot be reached: wait and retry (lib/db-outage). */
  unavailable: 503,
  /** Free space under DATA_DIR is below DISK_MIN_FREE_MB: writes wait until space is freed (lib/disk-space). */
  insufficient_storage: 507,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * The one error type the app throws on purpose. Its code maps to an HTTP status and to the
 * i18n key `errors.<code>` shown to the user; `cause` is logged on the server only.
 */
export class AppError extends Error {
  /** Values for the message's placeholders (e.g. when a rate-limited member may post again). */
  readonly values?: Record<string, string | number>;
  /** The form field the error is about (e.g. `file`): routes answer it as that field's error. */
  readonly field?: string;

  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `errors.${code}`,
    options?: { cause?: unknown; values?: Record<string, string | number>; field?: string },
  ) {
    super(code, options);
    this.name = "AppError";
    this.values = options?.values;
    this.field = options?.field;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

/** The database cannot be reached: a 503 whose Retry-After tells the client when to try again. */
export function databaseUnavailableError(): AppError {
  return new AppError("unavailable", undefined, { values: { retryAfterSeconds: RETRY_AFTER_SECONDS } });
}
