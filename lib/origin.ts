import type { Env } from "@/lib/env";

type Headers = Record<string, string | string[] | undefined>;

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a browser request comes from this site: its `Origin` is the app's public address, the
 * host it was sent to, or one of `ALLOWED_ORIGINS`. No `Origin` at all passes: browsers send one
 * with every cross-site request (and with every WebSocket), so its absence means a same-origin
 * request or a client that is not a browser, neither of which can ride a member's cookie.
 */
export function isAllowedOrigin(
  headers: Headers,
  env: Pick<Env, "PUBLIC_URL" | "AUTH_URL" | "ALLOWED_ORIGINS">,
): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  if (typeof origin !== "string") return false;
  const allowed = new Set(
    [env.PUBLIC_URL, env.AUTH_URL, ...(env.ALLOWED_ORIGINS?.split(",") ?? [])].map((url) => originOf(url?.trim())),
  );
  if (allowed.has(origin)) return true;
  const host = typeof headers.host === "string" ? headers.host : null;
  const parsed = originOf(origin);
  return Boolean(host && parsed && new URL(parsed).host === host);
}

/**
 * Whether a state-changing request was sent by another site, so it must not act with the
 * browser's cookie: its `Origin` is not ours (see `isAllowedOrigin`), or, without an `Origin`,
 * the browser's `Sec-Fetch-Site` says it came from another site. Clients that are not browsers
 * send neither header and pass: they carry no member's cookie by accident.
 */
export function isCrossSiteRequest(
  headers: globalThis.Headers,
  env: Pick<Env, "PUBLIC_URL" | "AUTH_URL" | "ALLOWED_ORIGINS">,
): boolean {
  const plain = Object.fromEntries(headers);
  if (!isAllowedOrigin(plain, env)) return true;
  const fetchSite = plain["sec-fetch-site"];
  return plain.origin === undefined && (fetchSite === "cross-site" || fetchSite === "same-site");
}
