import { buildJsonFeed } from "@/lib/offers/feeds";
import { loadOffersFeed } from "@/lib/offers/feed-data";

/** GET /feeds/offres.json[?contract=&workMode=&department=&family=] — JSON Feed 1.1 of open offers. */
export async function GET(request: Request) {
  const feed = await loadOffersFeed(new URL(request.url), "json");
  return new Response(JSON.stringify(buildJsonFeed(feed)), {
    headers: { "Content-Type": "application/feed+json; charset=utf-8", "Cache-Control": "public, max-age=300" },
  });
}
