import "server-only";

/** A base no real URL has: anything that resolves elsewhere left the site. */
const BASE = "http://same-origin.invalid";

/**
 * Where to send someone after sign-in: only a path of this site. Browsers drop tabs and newlines
 * inside URLs and read `\` as `/`, so `/\t/evil.example` or `/\evil.example` would lead off-site:
 * control and whitespace characters are removed first, then the value must resolve to this
 * origin. Anything else (absolute URLs, `//host`, `javascript:`…) falls back.
 */
export function safeRedirectPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  const cleaned = value.replace(/[\u0000-\u001F\u007F\s]/g, "");
  if (!cleaned.startsWith("/") || cleaned.startsWith("//") || cleaned.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(cleaned, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
