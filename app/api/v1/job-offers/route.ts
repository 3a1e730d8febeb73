import { jsonRoute } from "@/lib/api";
import { partnerJsonRoute } from "@/lib/offers/api-route";
import { toApiOffer } from "@/lib/offers/api-view";
import { filtersToQuery } from "@/lib/offers/filters";
import { browseOffers, offerPath, publishOffer } from "@/lib/offers/service";
import { absoluteUrl } from "@/lib/urls";
import { createOfferSchema, offerListQuerySchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

/**
 * GET /api/v1/job-offers[?contract=&workMode=&department=&family=&after=&limit=]
 * Open offers (not filled, not expired), newest first, public. `next` is the next page's URL.
 */
export const GET = jsonRoute(offerListQuerySchema, async ({ after, limit, ...filters }, { user }) => {
  const open = { ...filters, open: true };
  const page = await browseOffers(contextFor(user), { filters: open, cursor: after, limit });
  return {
    body: {
      items: page.items.map((offer) => toApiOffer(offer, absoluteUrl(offerPath(offer)))),
      next: page.nextCursor
        ? absoluteUrl(
            `/api/v1/job-offers${filtersToQuery(filters, { after: page.nextCursor, limit: limit?.toString() })}`,
          )
        : null,
    },
  };
});

/**
 * POST /api/v1/job-offers — publishes an offer as the owner of the Bearer token (or the
 * signed-in member). Employer offers need a pro or team account: otherwise 403.
 */
export const POST = partnerJsonRoute(createOfferSchema, async (input, { actor }) => {
  const { thread, isNew } = await publishOffer(contextFor(actor), input);
  const path = offerPath({ threadId: thread.id, slug: thread.slug });
  return { status: isNew ? 201 : 200, body: { id: thread.id, url: absoluteUrl(path), path } };
});
