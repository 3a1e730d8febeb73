import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** Powerful features the app never uses are off everywhere; the camera always, the microphone but on pitch pages. */
function permissionsPolicy({ microphone }: { microphone: boolean }): string {
  return [
    "camera=()",
    `microphone=${microphone ? "(self)" : "()"}`,
    "geolocation=()",
    "payment=()",
    "usb=()",
    "display-capture=()",
  ].join(", ");
}

const nextConfig: NextConfig = {
  // A separate build folder lets a second checkout task (e.g. a benchmark) build without touching .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // These load native or wasm files relative to their own module: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@node-rs/argon2"],
  poweredByHeader: false,
  experimental: {
    // Counted while the body streams (413 beyond). A post is at most 100 kB of Tiptap JSON
    // (lib/editor DOC_LIMITS), which the action encoding may escape to about twice that.
    serverActions: { bodySizeLimit: "384kb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          // No other site's window keeps a handle on ours; no other site embeds our responses.
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          { key: "Cross-Origin-Resource-Policy", value: "same-site" },
          { key: "Permissions-Policy", value: permissionsPolicy({ microphone: false }) },
        ],
      },
      {
        // Pitches are recorded in the browser: the form, and the pitch channel's threads (recorded answers).
        source: "/c/:slug/pitch/new",
        headers: [{ key: "Permissions-Policy", value: permissionsPolicy({ microphone: true }) }],
      },
      {
        source: "/c/pitch/:path*",
        headers: [{ key: "Permissions-Policy", value: permissionsPolicy({ microphone: true }) }],
      },
      {
        // Private documents: a link followed from inside a PDF must not tell where it was read.
        source: "/api/v1/files/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
      {
        // Only over HTTPS (the reverse proxy says so): browsers ignore it over plain HTTP anyway.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
      {
        // The service worker: browsers must see a new version at once, and it may only run our own
        // scripts. At the site root its default scope is the whole site (no Service-Worker-Allowed).
        source: "/sw.js",
        headers: [
          { key: "Cache-Control", value: "no-cache, no-store, must-revalidate" },
          { key: "Content-Type", value: "application/javascript; charset=utf-8" },
          { key: "Content-Security-Policy", value: "default-src 'self'; script-src 'self'" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
