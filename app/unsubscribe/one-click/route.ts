import { NextResponse, type NextRequest } from "next/server";
import { applyUnsubscribe } from "@/lib/notifications/unsubscribe";
import { absoluteUrl } from "@/lib/urls";

// On the public address, like the links in the mails (the request's own host may be the
// address the server listens on, e.g. 0.0.0.0, behind a proxy).
function pageUrl(token: string, done = false): URL {
  const url = new URL(absoluteUrl("/unsubscribe"));
  url.searchParams.set("token", token);
  if (done) url.searchParams.set("done", "1");
  return url;
}

/**
 * The `List-Unsubscribe` address. A mail client's one-click POST (RFC 8058: body
 * `List-Unsubscribe=One-Click`, no cookies) unsubscribes and gets a plain answer; the
 * confirmation page's form (field `confirm`) is sent back to that page. The signed token in
 * the URL is the only permission: no session is read.
 */
export async function POST(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const form = await request.formData().catch(() => null);
  const isFromPage = form?.get("confirm") === "1";
  const result = token.length <= 500 ? await applyUnsubscribe(token) : null;
  if (isFromPage) return NextResponse.redirect(pageUrl(token, Boolean(result)), 303);
  return new NextResponse(result ? "Unsubscribed.\n" : "Invalid unsubscribe link.\n", {
    status: result ? 200 : 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A GET (a link scanner, a client without one-click) changes nothing: it shows the confirmation page. */
export async function GET(request: NextRequest) {
  return NextResponse.redirect(pageUrl(request.nextUrl.searchParams.get("token") ?? ""), 303);
}
