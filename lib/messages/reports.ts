import "server-only";
import { getParticipation } from "@/db/queries/conversations";
import { closeMessageReport, createMessageReport, listOpenMessageReports } from "@/db/queries/message-reports";
import { getMessage, listMessagesBefore } from "@/db/queries/messages";
import type { ServiceContext } from "@/lib/context";
import { REPORT_CONTEXT_MESSAGES } from "@/lib/domain/conversations";
import { AppError } from "@/lib/errors";
import { canHandleMessageReports, canReportMessage, canUseMessages } from "@/lib/permissions/conversations";
import { enforceRateLimit } from "@/lib/rate-limit";

/**
 * A participant reports someone else's message. What reaches the facilitators is frozen now:
 * the message and the few before it (REPORT_CONTEXT_MESSAGES), with their authors' names —
 * never a link into the conversation, which they cannot open.
 */
export async function reportMessage({ db, actor }: ServiceContext, input: { messageId: number; reason: string }) {
  if (!actor) throw new AppError("unauthenticated");
  if (!canUseMessages(actor)) throw new AppError("forbidden");
  const message = await getMessage(db, { messageId: input.messageId });
  const participation = message
    ? await getParticipation(db, { conversationId: message.conversationId, userId: actor.id })
    : null;
  if (!message || !participation) throw new AppError("not_found");
  if (!canReportMessage(actor, { isParticipant: true }, message)) throw new AppError("forbidden");
  await enforceRateLimit(db, { userId: actor.id, action: "report" });
  const { messages } = await listMessagesBefore(db, {
    conversationId: message.conversationId,
    before: message.number + 1,
    limit: REPORT_CONTEXT_MESSAGES + 1,
  });
  const context = messages.map((item) => ({
    number: item.number,
    authorId: item.authorId,
    authorName: item.author.name,
    bodyHtml: item.deletedAt ? "" : item.bodyHtml,
    createdAt: item.createdAt.toISOString(),
    isReported: item.id === message.id,
  }));
  return createMessageReport(db, {
    messageId: message.id,
    reporterId: actor.id,
    reportedUserId: message.authorId,
    reason: input.reason,
    context,
  });
}

export async function listMessageReports({ db, actor }: ServiceContext, input: { cursor?: string } = {}) {
  if (!canHandleMessageReports(actor)) throw new AppError("not_found");
  return listOpenMessageReports(db, { cursor: input.cursor });
}

/** Closes a report: handled (the facilitators acted, e.g. suspended the author) or dismissed. Audited. */
export async function closeReportedMessage(
  { db, actor }: ServiceContext,
  input: { reportId: number; outcome: "resolved" | "dismissed"; reason?: string | null },
) {
  if (!canHandleMessageReports(actor)) throw new AppError("not_found");
  const report = await closeMessageReport(db, {
    reportId: input.reportId,
    actorId: actor!.id,
    outcome: input.outcome,
    reason: input.reason ?? null,
  });
  if (!report) throw new AppError("not_found");
  return report;
}
