import "server-only";
import type { ServiceContext } from "@/lib/context";
import {
  deleteApplication,
  getApplication,
  getApplicationForOffer,
  listApplications,
  saveApplication,
  updateApplication,
} from "@/db/queries/applications";
import { AppError } from "@/lib/errors";
import { canTrackApplications, type Actor } from "@/lib/permissions";
import type { UpdateApplicationInput } from "@/lib/validation/offers";
import { parisToday } from "./expiry";
import { readOffer } from "./service";

/**
 * The private application tracker. The actor's id goes into every query: an id that is not
 * theirs reads as "not found", exactly like an id that does not exist.
 */

function requireTracker(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
  if (!canTrackApplications(actor)) throw new AppError("not_found");
}

export async function saveOfferToTracker({ db, actor }: ServiceContext, input: { threadId: number }) {
  requireTracker(actor);
  const offer = await readOffer({ db, actor }, input.threadId);
  return saveApplication(db, { userId: actor.id, threadId: offer.threadId });
}

export async function getMyApplication({ db, actor }: ServiceContext, input: { id: number }) {
  requireTracker(actor);
  const entry = await getApplication(db, { id: input.id, userId: actor.id });
  if (!entry) throw new AppError("not_found");
  return entry;
}

export async function getMyApplicationForOffer({ db, actor }: ServiceContext, threadId: number) {
  if (!actor || !canTrackApplications(actor)) return null;
  return getApplicationForOffer(db, { userId: actor.id, threadId });
}

export async function listMyApplications({ db, actor }: ServiceContext, input: { cursor?: string }) {
  requireTracker(actor);
  return listApplications(db, { userId: actor.id, cursor: input.cursor });
}

/** Moving to a step dates it today unless the member gave a date. */
function withStepDates(input: UpdateApplicationInput): Omit<UpdateApplicationInput, "id"> {
  const today = parisToday();
  const changes = {
    status: input.status,
    appliedOn: input.appliedOn,
    interviewOn: input.interviewOn,
    decidedOn: input.decidedOn,
    note: input.note,
  };
  if (changes.status === "applied" && !changes.appliedOn) changes.appliedOn = today;
  if (changes.status === "interview" && !changes.interviewOn) changes.interviewOn = today;
  if ((changes.status === "rejected" || changes.status === "accepted") && !changes.decidedOn) changes.decidedOn = today;
  return changes;
}

export async function updateMyApplication({ db, actor }: ServiceContext, input: UpdateApplicationInput) {
  requireTracker(actor);
  const updated = await updateApplication(db, { id: input.id, userId: actor.id, changes: withStepDates(input) });
  if (!updated) throw new AppError("not_found");
  return updated;
}

export async function removeMyApplication({ db, actor }: ServiceContext, input: { id: number }) {
  requireTracker(actor);
  if (!(await deleteApplication(db, { id: input.id, userId: actor.id }))) throw new AppError("not_found");
}
