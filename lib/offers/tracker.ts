import "server-only";
import { getDb } from "@/lib/db";
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
import { contextFor } from "@/lib/context";

/**
 * The private application tracker. The actor's id goes into every query: an id that is not
 * theirs reads as "not found", exactly like an id that does not exist.
 */

function requireTracker(actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new AppError("unauthenticated");
  if (!canTrackApplications(actor)) throw new AppError("not_found");
}

export async function saveOfferToTracker(actor: Actor, input: { threadId: number }) {
  requireTracker(actor);
  const offer = await readOffer(contextFor(actor), input.threadId);
  return saveApplication(getDb(), { userId: actor.id, threadId: offer.threadId });
}

export async function getMyApplication(actor: Actor, input: { id: number }) {
  requireTracker(actor);
  const entry = await getApplication(getDb(), { id: input.id, userId: actor.id });
  if (!entry) throw new AppError("not_found");
  return entry;
}

export async function getMyApplicationForOffer(actor: Actor, threadId: number) {
  if (!actor || !canTrackApplications(actor)) return null;
  return getApplicationForOffer(getDb(), { userId: actor.id, threadId });
}

export async function listMyApplications(actor: Actor, input: { cursor?: string }) {
  requireTracker(actor);
  return listApplications(getDb(), { userId: actor.id, cursor: input.cursor });
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

export async function updateMyApplication(actor: Actor, input: UpdateApplicationInput) {
  requireTracker(actor);
  const updated = await updateApplication(getDb(), { id: input.id, userId: actor.id, changes: withStepDates(input) });
  if (!updated) throw new AppError("not_found");
  return updated;
}

export async function removeMyApplication(actor: Actor, input: { id: number }) {
  requireTracker(actor);
  if (!(await deleteApplication(getDb(), { id: input.id, userId: actor.id }))) throw new AppError("not_found");
}
