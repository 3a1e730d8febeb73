import { NextResponse, type NextRequest } from "next/server";

/**
 * A Content-Security-Policy with a fresh nonce on every page. Next.js reads the nonce from the
 * request's CSP header and puts it on its own scripts; 'strict-dynamic' lets those scripts load
 * the chunks they need, and nothing else runs. Styles may be inline (React `style` props).
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const isDev = process.env.NODE_ENV !== "production";
  const policy = [
    "default-src 'self'",
    // Dev mode's fast refresh evaluates code; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Avatars and PDF pages drawn in the browser; recorded pitches played back before upload.
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    // Same-origin requests and the live connection (ws: and wss: to this host).
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: API answers, files, build assets and the service worker have their own headers.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|sw\\.js|icon\\.svg|manifest\\.webmanifest|calendrier/).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
