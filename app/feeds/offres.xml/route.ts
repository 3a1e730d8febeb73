import { buildAtomFeed } from "@/lib/offers/feeds";
import { loadOffersFeed } from "@/lib/offers/feed-data";

/** GET /feeds/offres.xml[?contract=&workMode=&department=&family=] — Atom feed of open offers. */
export async function GET(request: Request) {
  const feed = await loadOffersFeed(new URL(request.url), "xml");
  return new Response(buildAtomFeed(feed), {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
