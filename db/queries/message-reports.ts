import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { messageReports, users, type ReportedMessageContext } from "../schema";
import { insertAudit } from "./audit";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey, toKeysetPage } from "./keyset";

/** Files a report with its frozen context; a second open report of the same message by the same member is a no-op. */
export async function createMessageReport(
  db: DbOrTx,
  params: {
    messageId: number;
    reporterId: string;
    reportedUserId: string;
    reason: string;
    context: ReportedMessageContext[];
  },
): Promise<{ id: number; isNew: boolean }> {
  const [created] = await db
    .insert(messageReports)
    .values(params)
    .onConflictDoNothing()
    .returning({ id: messageReports.id });
  if (created) return { id: created.id, isNew: true };
  const [existing] = await db
    .select({ id: messageReports.id })
    .from(messageReports)
    .where(
      and(
        eq(messageReports.messageId, params.messageId),
        eq(messageReports.reporterId, params.reporterId),
        eq(messageReports.status, "open"),
      ),
    );
  return { id: existing!.id, isNew: false };
}

const reporter = alias(users, "reporter");
const reported = alias(users, "reported");

/** Open reports of private messages, oldest first: the frozen context, never the conversation. */
export async function listOpenMessageReports(db: DbOrTx, params: { cursor?: string | null; limit?: number }) {
  const limit = params.limit ?? 20;
  const rows = await db
    .select({
      id: messageReports.id,
      reason: messageReports.reason,
      context: messageReports.context,
      createdAt: messageReports.createdAt,
      atKey: timestampKey(messageReports.createdAt),
      reporter: { id: reporter.id, name: reporter.name },
      reportedUser: { id: reported.id, name: reported.name, status: reported.status },
    })
    .from(messageReports)
    .innerJoin(reporter, eq(reporter.id, messageReports.reporterId))
    .innerJoin(reported, eq(reported.id, messageReports.reportedUserId))
    .where(
      and(
        eq(messageReports.status, "open"),
        afterKeyset(messageReports.createdAt, messageReports.id, decodeKeyset(params.cursor, "integer"), "asc"),
      ),
    )
    .orderBy(asc(messageReports.createdAt), asc(messageReports.id))
    .limit(limit + 1);
  return toKeysetPage(rows, limit, (last) => encodeKeyset({ at: last.atKey, id: last.id }));
}

/** Closes an open report (handled or dismissed), with its audit entry, in one transaction. */
export async function closeMessageReport(
  db: DbOrTx,
  params: { reportId: number; actorId: string; outcome: "resolved" | "dismissed"; reason: string | null },
) {
  return db.transaction(async (tx) => {
    const [report] = await tx
      .update(messageReports)
      .set({ status: params.outcome, resolvedById: params.actorId, resolvedAt: sql`now()` })
      .where(and(eq(messageReports.id, params.reportId), eq(messageReports.status, "open")))
      .returning();
    if (!report) return null;
    await insertAudit(tx, {
      actorId: params.actorId,
      action: params.outcome === "resolved" ? "message_report.resolve" : "message_report.dismiss",
      targetType: "message_report",
      targetId: report.id,
      targetUserId: report.reportedUserId,
      reason: params.reason,
    });
    return report;
  });
}
