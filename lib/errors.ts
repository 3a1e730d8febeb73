export const errorCodes = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/**
 * The one error type the app throws on purpose. Its code maps to an HTTP status and to the
 * i18n key `errors.<code>` shown to the user; `cause` is logged on the server only.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string = `errors.${code}`,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = "AppError";
  }

  get status(): number {
    return errorCodes[this.code];
  }
}
