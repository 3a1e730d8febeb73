import "server-only";
import type { ServiceContext } from "@/lib/context";
import {
  createProRequest,
  decideProRequest,
  getLatestProRequest,
  listPendingProRequests,
  listProExpertise,
  listPros,
  ProRequestConflict,
  type ProRequestInput,
} from "@/db/queries/pros";
import { getPublicProfile } from "@/db/queries/users";
import { notifyMembers } from "@/lib/notifications/fanout";
import { sendCommunityEmail } from "@/lib/mail/community";
import { AppError } from "@/lib/errors";
import { canBrowsePros, canRequestPro, canReviewProRequests } from "@/lib/permissions";

/** Verified ESS professionals: requests, the facilitators' decisions and the directory. */

export async function requestProStatus({ db, actor }: ServiceContext, input: ProRequestInput) {
  if (!actor) throw new AppError("unauthenticated");
  if (!canRequestPro(actor)) throw new AppError("forbidden", "pros.cannotRequest");
  const request = await createProRequest(db, { userId: actor.id, ...input });
  if (!request) throw new AppError("conflict", "pros.alreadyPending");
  return request;
}

/** The member's own latest request, to show where it stands. */
export async function getMyProRequest({ db, actor }: ServiceContext) {
  if (!actor) return null;
  return getLatestProRequest(db, { userId: actor.id });
}

export async function listProRequestQueue({ db, actor }: ServiceContext, input: { cursor?: string } = {}) {
  if (!canReviewProRequests(actor)) throw new AppError("not_found");
  return listPendingProRequests(db, input);
}

/** Approves (the member becomes a pro with the request's organisation) or refuses, with a message. */
export async function decideProStatus(
  { db, actor }: ServiceContext,
  input: { requestId: number; approve: boolean; message?: string | null },
) {
  if (!canReviewProRequests(actor)) throw new AppError("not_found");
  let decided;
  try {
    decided = await decideProRequest(db, {
      requestId: input.requestId,
      actorId: actor!.id,
      approve: input.approve,
      message: input.message ?? null,
    });
  } catch (error) {
    if (error instanceof ProRequestConflict) throw new AppError("conflict", "pros.noLongerEligible");
    throw error;
  }
  if (!decided) throw new AppError("not_found");
  await sendCommunityEmail(decided.user, input.approve ? "proApproved" : "proRefused", { message: input.message });
  await notifyMembers(db, {
    type: "decision",
    userIds: [decided.user.id],
    actorId: actor!.id,
    payload: { about: "pro", approved: input.approve },
    emailSentElsewhere: true,
  });
  return decided.request;
}

export async function browsePros({ db, actor }: ServiceContext, input: { expertise?: string; cursor?: string } = {}) {
  if (!canBrowsePros(actor)) throw new AppError("not_found");
  const [page, fields] = await Promise.all([listPros(db, input), listProExpertise(db)]);
  return { ...page, fields };
}

/** Who "Poser une question à …" mentions: an active member the asker may see. */
export async function getMentionTarget({ db, actor }: ServiceContext, userId: string) {
  if (!canBrowsePros(actor)) return null;
  const profile = await getPublicProfile(db, { id: userId });
  return profile && profile.status === "active" ? { id: profile.id, name: profile.name } : null;
}
