import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The public address of this instance (PUBLIC_URL, else AUTH_URL, else localhost), without a
 * trailing slash, for links that leave the page: e-mails, feeds, JSON-LD, Open Graph, the API.
 */
export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_URL ?? env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

/** `path` (starting with `/`, query included) on the public address; a base path is kept. */
export function absoluteUrl(path: string): string {
  return `${publicBaseUrl()}${path}`;
}
