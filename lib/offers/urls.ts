import { getEnv } from "@/lib/env";

/** The public address of this instance, for absolute links in feeds, JSON-LD and Open Graph. */
export function publicBaseUrl(): string {
  const env = getEnv();
  return (env.PUBLIC_URL ?? env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}

export function absoluteUrl(path: string): string {
  return `${publicBaseUrl()}${path}`;
}
