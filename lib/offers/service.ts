import "server-only";
import type { ServiceContext } from "@/lib/context";
import { getChannelBySlug } from "@/db/queries/channels";
import {
  getOffer,
  insertOfferFields,
  listOffers,
  setOfferFilled,
  updateOffer,
  type OfferListFilters,
} from "@/db/queries/offers";
import { AppError } from "@/lib/errors";
import { getPostWithAuthor } from "@/db/queries/posts";
import { postContent } from "@/lib/forum/content";
import { publishThread } from "@/lib/forum/publish";
import { toPostView } from "@/lib/forum/views";
import {
  canEditOffer,
  canPostInChannel,
  canPublishOfferAsEmployer,
  canReadChannel,
  canShareOffer,
} from "@/lib/permissions";
import { emitPostUpdated } from "@/lib/realtime/emit";
import { threadPath } from "@/lib/slug";
import type { CreateOfferInput, UpdateOfferInput } from "@/lib/validation/offers";
import { OFFERS_CHANNEL_SLUG } from "./constants";
import type { OfferDetail, OfferFields } from "./types";

/**
 * Job offers' capabilities, shared by the server actions, the JSON API and the pages. Each
 * checks its permission here; anything the actor may not see or change throws `not_found`.
 */

async function getOffersChannel({ db, actor }: ServiceContext) {
  const channel = await getChannelBySlug(db, { slug: OFFERS_CHANNEL_SLUG });
  if (!channel || !canReadChannel(actor, channel)) throw new AppError("not_found");
  return channel;
}

function fieldsOf(input: CreateOfferInput | UpdateOfferInput): OfferFields {
  return {
    origin: input.origin,
    organisation: input.organisation,
    essFamily: input.essFamily,
    contract: input.contract,
    city: input.city,
    department: input.department,
    workMode: input.workMode,
    salaryMin: input.salaryMin,
    salaryMax: input.salaryMax,
    salaryPeriod: input.salaryPeriod,
    startDate: input.startDate,
    deadline: input.deadline,
    howToApply: input.howToApply,
    sourceUrl: input.sourceUrl,
  };
}

export function offerPath(offer: { threadId: number; slug: string }): string {
  return threadPath(OFFERS_CHANNEL_SLUG, { id: offer.threadId, slug: offer.slug });
}

/**
 * Publishes an offer. Employer offers need a pro or team account: a member's session or API
 * token asking for one is refused (403), whatever the payload says.
 */
export async function publishOffer({ db, actor }: ServiceContext, input: CreateOfferInput) {
  if (!actor) throw new AppError("unauthenticated");
  const channel = await getOffersChannel({ db, actor });
  if (!canPostInChannel(actor, channel) || !canShareOffer(actor)) throw new AppError("not_found");
  if (input.origin === "employer" && !canPublishOfferAsEmployer(actor))
    throw new AppError("forbidden", "offers.employerOnly");
  // An offer is a thread: same pipeline, same anti-spam limit.
  const published = await publishThread(
    { db, actor },
    {
      channel,
      title: input.title,
      body: input.description,
      threadKind: "offer",
      idempotencyKey: input.idempotencyKey,
      hooks: { write: (tx, { thread }) => insertOfferFields(tx, { thread, fields: fieldsOf(input) }) },
    },
  );
  return { thread: published.thread, isNew: published.isNew, path: published.path };
}

/** An offer as this reader may see it (deleted ones are gone, like their thread). */
export async function readOffer({ db, actor }: ServiceContext, threadId: number): Promise<OfferDetail> {
  await getOffersChannel({ db, actor });
  const offer = await getOffer(db, { threadId });
  if (!offer || offer.isDeleted) throw new AppError("not_found");
  return offer;
}

/** The offer for its edit form: its author only. */
export async function getEditableOffer({ db, actor }: ServiceContext, threadId: number): Promise<OfferDetail> {
  const offer = await readOffer({ db, actor }, threadId);
  if (!canEditOffer(actor, offer)) throw new AppError("not_found");
  return offer;
}

export async function editOffer({ db, actor }: ServiceContext, input: UpdateOfferInput) {
  if (!actor) throw new AppError("unauthenticated");
  const offer = await getEditableOffer({ db, actor }, input.threadId);
  // Who published is part of what readers trust: an edit cannot turn a shared offer into an employer's.
  if (input.origin !== offer.origin) throw new AppError("bad_request", "offers.originLocked");
  const result = await updateOffer(db, {
    threadId: offer.threadId,
    actorId: actor.id,
    title: input.title,
    content: postContent(input.description),
    fields: fieldsOf(input),
    expectedVersion: input.expectedVersion,
  });
  if (!result.ok && result.reason === "not_found") throw new AppError("not_found");
  if (!result.ok) return { conflict: true as const, current: result.current };
  const opening = await getPostWithAuthor(db, { postId: offer.opening.id });
  if (opening) emitPostUpdated({ post: toPostView(opening, actor), threadId: offer.threadId });
  return { conflict: false as const, path: offerPath(offer) };
}

/** Marks an offer "Pourvue" or reopens it. */
export async function setOfferStatus({ db, actor }: ServiceContext, input: { threadId: number; filled: boolean }) {
  if (!actor) throw new AppError("unauthenticated");
  const offer = await getEditableOffer({ db, actor }, input.threadId);
  const changed = await setOfferFilled(db, { threadId: offer.threadId, actorId: actor.id, filled: input.filled });
  if (!changed) throw new AppError("not_found");
  return { path: offerPath(offer) };
}

/** Current offers with filters (the page, the feeds, the API). */
export async function browseOffers(
  { db, actor }: ServiceContext,
  input: { filters: OfferListFilters; cursor?: string; limit?: number },
) {
  await getOffersChannel({ db, actor });
  return listOffers(db, input);
}
