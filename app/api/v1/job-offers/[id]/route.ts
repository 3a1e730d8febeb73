import { z } from "zod";
import { jsonRoute } from "@/lib/api";
import { partnerJsonRoute } from "@/lib/offers/api-route";
import { toApiOffer } from "@/lib/offers/api-view";
import { editOffer, offerPath, readOffer, setOfferStatus } from "@/lib/offers/service";
import { absoluteUrl } from "@/lib/urls";
import { AppError } from "@/lib/errors";
import { apiOfferStatusSchema, apiUpdateOfferSchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

const idSchema = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** GET /api/v1/job-offers/:id — one offer, with its description as HTML. */
export const GET = jsonRoute(idSchema, async ({ id }, { user }) => {
  const offer = await readOffer(contextFor(user), id);
  return { body: { ...toApiOffer(offer, absoluteUrl(offerPath(offer))), descriptionHtml: offer.opening.bodyHtml } };
});

/** PUT /api/v1/job-offers/:id — replaces the offer; its author only (anyone else: 404, nothing changes). */
export const PUT = partnerJsonRoute(apiUpdateOfferSchema, async ({ id, ...input }, { actor }) => {
  const result = await editOffer(contextFor(actor), { ...input, threadId: id });
  if (result.conflict) throw new AppError("conflict");
  return { body: { id, url: absoluteUrl(result.path), path: result.path } };
});

/** PATCH /api/v1/job-offers/:id {"status":"filled"|"open"} — closes or reopens; its author only. */
export const PATCH = partnerJsonRoute(apiOfferStatusSchema, async ({ id, status }, { actor }) => {
  const { path } = await setOfferStatus(contextFor(actor), { threadId: id, filled: status === "filled" });
  return { body: { id, status, path } };
});
