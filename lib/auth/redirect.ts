import "server-only";
/** Keeps post-sign-in redirects on this site: a relative path, never `//host` or a URL. */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) {
    return fallback;
  }
  return value;
}
