import "server-only";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { createHash } from "node:crypto";
import {
  createInvitation,
  decideAdmission,
  findUsableInvitation,
  getAdmissionRequest,
  listInvitations,
  listPendingAdmissions,
  revokeInvitation,
} from "@/db/queries/admission";
import { insertAudit } from "@/db/queries/audit";
import { getSettings, setSetting } from "@/db/queries/settings";
import { notifyMembers } from "@/lib/notifications/fanout";
import { sendCommunityEmail } from "@/lib/mail/community";
import { AppError } from "@/lib/errors";
import { absoluteUrl } from "@/lib/urls";
import { canEditCommunitySettings, canManageInvitations, canReviewAdmissions } from "@/lib/permissions";
import { ADMISSION_QUESTIONS_KEY, COMMUNITY_MODE_KEY, parseMode, parseQuestions, type CommunityMode } from "./settings";

/** Admission to the community: open/closed setting, questions, facilitators' decisions, invitations. */

/** A stable id for a question, from its text: answers stay attached to the text that was asked. */
export function questionId(label: string): string {
  return `q${createHash("sha256").update(label).digest("hex").slice(0, 10)}`;
}

export async function getCommunitySettings() {
  const stored = await getSettings(getDb(), { keys: [COMMUNITY_MODE_KEY, ADMISSION_QUESTIONS_KEY] });
  return {
    mode: parseMode(stored.get(COMMUNITY_MODE_KEY)),
    questions: parseQuestions(stored.get(ADMISSION_QUESTIONS_KEY)),
  };
}

/** Saves the mode and the questions (one per line in the form), audited in one transaction. */
export async function updateCommunitySettings(
  { db, actor }: ServiceContext,
  input: { mode: CommunityMode; questions: string[] },
) {
  if (!canEditCommunitySettings(actor)) throw new AppError("not_found");
  const questions = input.questions.map((label) => ({ id: questionId(label), label }));
  await db.transaction(async (tx) => {
    await setSetting(tx, { key: COMMUNITY_MODE_KEY, value: input.mode });
    await setSetting(tx, { key: ADMISSION_QUESTIONS_KEY, value: questions });
    await insertAudit(tx, {
      actorId: actor!.id,
      action: "settings.update",
      targetType: "settings",
      targetId: "admission",
      details: { mode: input.mode, questions: input.questions },
    });
  });
  return { mode: input.mode, questions };
}

/** Whether an invitation link can still be used (the sign-up page then skips the questions). */
export async function isInvitationUsable(token: string | undefined | null): Promise<boolean> {
  if (!token || token.length > 100) return false;
  return Boolean(await findUsableInvitation(getDb(), { token }));
}

/** A pending account's own request: what the waiting page shows. */
export async function getMyAdmission({ db, actor }: ServiceContext) {
  if (!actor || actor.status !== "pending") return null;
  return getAdmissionRequest(db, { userId: actor.id });
}

export async function listAdmissionQueue({ db, actor }: ServiceContext, input: { cursor?: string } = {}) {
  if (!canReviewAdmissions(actor)) throw new AppError("not_found");
  return listPendingAdmissions(db, input);
}

/** Admits or refuses a waiting account, with a message sent by email. */
export async function decideAdmissionRequest(
  { db, actor }: ServiceContext,
  input: { userId: string; approve: boolean; message?: string | null },
) {
  if (!canReviewAdmissions(actor)) throw new AppError("not_found");
  const decided = await decideAdmission(db, {
    userId: input.userId,
    actorId: actor!.id,
    approve: input.approve,
    message: input.message ?? null,
  });
  if (!decided) throw new AppError("not_found");
  await sendCommunityEmail(decided.user, input.approve ? "admissionApproved" : "admissionRefused", {
    message: input.message,
  });
  await notifyMembers(db, {
    type: "decision",
    userIds: [input.userId],
    actorId: actor!.id,
    payload: { about: "admission", approved: input.approve },
    emailSentElsewhere: true,
  });
  return decided.request;
}

export async function createInvitationLink(
  { db, actor }: ServiceContext,
  input: { maxUses: number | null; expiresInDays: number; note: string },
) {
  if (!canManageInvitations(actor)) throw new AppError("not_found");
  const expiresAt = new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000);
  const { invitation, token } = await createInvitation(db, {
    actorId: actor!.id,
    maxUses: input.maxUses,
    expiresAt,
    note: input.note,
  });
  return { id: invitation.id, url: absoluteUrl(`/sign-up?invitation=${token}`) };
}

export async function listInvitationLinks({ db, actor }: ServiceContext, input: { cursor?: string } = {}) {
  if (!canManageInvitations(actor)) throw new AppError("not_found");
  return listInvitations(db, input);
}

export async function revokeInvitationLink({ db, actor }: ServiceContext, input: { invitationId: string }) {
  if (!canManageInvitations(actor)) throw new AppError("not_found");
  const revoked = await revokeInvitation(db, { invitationId: input.invitationId, actorId: actor!.id });
  if (!revoked) throw new AppError("not_found");
  return revoked;
}
