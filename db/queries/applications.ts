import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { ApplicationEntry, ApplicationStatus } from "@/lib/domain/offers";
import type { DbOrTx } from "../client";
import { jobOffers, offerApplications, threads, type OfferApplication } from "../schema";
import { decodeKeyset, encodeKeyset } from "./keyset";

/**
 * A member's private application tracker. Every function takes the owner's id and puts it in
 * the SQL: there is no way to read or change someone else's entry, whatever id is passed.
 */

export const APPLICATIONS_PAGE_SIZE = 30;

const entryColumns = {
  application: offerApplications,
  offer: {
    threadId: jobOffers.threadId,
    slug: threads.slug,
    title: threads.title,
    organisation: jobOffers.organisation,
    contract: jobOffers.contract,
    city: jobOffers.city,
    department: jobOffers.department,
    workMode: jobOffers.workMode,
    deadline: jobOffers.deadline,
    expiresAt: jobOffers.expiresAt,
    filledAt: jobOffers.filledAt,
  },
  updatedKey: sql<string>`to_char(${offerApplications.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

function toEntry(row: { application: OfferApplication; offer: ApplicationEntry["offer"] }): ApplicationEntry {
  const { id, status, appliedOn, interviewOn, decidedOn, note, createdAt, updatedAt } = row.application;
  return { id, status, appliedOn, interviewOn, decidedOn, note, createdAt, updatedAt, offer: row.offer };
}

/** Saves an offer in the member's tracker ("à postuler"); saving twice keeps the first entry. */
export async function saveApplication(
  db: DbOrTx,
  { userId, threadId }: { userId: string; threadId: number },
): Promise<{ id: number; isNew: boolean }> {
  const [inserted] = await db
    .insert(offerApplications)
    .values({ userId, threadId })
    .onConflictDoNothing({ target: [offerApplications.userId, offerApplications.threadId] })
    .returning({ id: offerApplications.id });
  if (inserted) return { id: inserted.id, isNew: true };
  const [existing] = await db
    .select({ id: offerApplications.id })
    .from(offerApplications)
    .where(and(eq(offerApplications.userId, userId), eq(offerApplications.threadId, threadId)))
    .limit(1);
  return { id: existing!.id, isNew: false };
}

/** "Mes candidatures": most recently updated first, keyset pagination, one query per page. */
export async function listApplications(
  db: DbOrTx,
  { userId, cursor, limit = APPLICATIONS_PAGE_SIZE }: { userId: string; cursor?: string; limit?: number },
): Promise<{ items: ApplicationEntry[]; nextCursor: string | null }> {
  const after = decodeKeyset(cursor, "integer");
  const rows = await db
    .select(entryColumns)
    .from(offerApplications)
    .innerJoin(jobOffers, eq(jobOffers.threadId, offerApplications.threadId))
    .innerJoin(threads, eq(threads.id, jobOffers.threadId))
    .where(
      and(
        eq(offerApplications.userId, userId),
        isNull(threads.deletedAt),
        after
          ? sql`(${offerApplications.updatedAt}, ${offerApplications.id}) < (${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(offerApplications.updatedAt), desc(offerApplications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toEntry),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.updatedKey, id: last.application.id }) : null,
  };
}

/** One entry, only for its owner: anyone else gets null (and a 404). */
export async function getApplication(
  db: DbOrTx,
  { id, userId }: { id: number; userId: string },
): Promise<ApplicationEntry | null> {
  const [row] = await db
    .select(entryColumns)
    .from(offerApplications)
    .innerJoin(jobOffers, eq(jobOffers.threadId, offerApplications.threadId))
    .innerJoin(threads, eq(threads.id, jobOffers.threadId))
    .where(and(eq(offerApplications.id, id), eq(offerApplications.userId, userId)))
    .limit(1);
  return row ? toEntry(row) : null;
}

/** The member's entry for one offer, if they saved it (the offer page's button). */
export async function getApplicationForOffer(db: DbOrTx, { userId, threadId }: { userId: string; threadId: number }) {
  const [row] = await db
    .select({ id: offerApplications.id, status: offerApplications.status })
    .from(offerApplications)
    .where(and(eq(offerApplications.userId, userId), eq(offerApplications.threadId, threadId)))
    .limit(1);
  return row ?? null;
}

/** Which of these offers the member saved, for the list's markers (one query). */
export async function listSavedOfferIds(
  db: DbOrTx,
  { userId, threadIds }: { userId: string; threadIds: number[] },
): Promise<Set<number>> {
  if (!threadIds.length) return new Set();
  const rows = await db
    .select({ threadId: offerApplications.threadId })
    .from(offerApplications)
    .where(and(eq(offerApplications.userId, userId), inArray(offerApplications.threadId, threadIds)));
  return new Set(rows.map((row) => row.threadId));
}

export type ApplicationChanges = {
  status: ApplicationStatus;
  appliedOn: string | null;
  interviewOn: string | null;
  decidedOn: string | null;
  note: string;
};

/** Updates the owner's entry; null when the id is not theirs (nothing is written). */
export async function updateApplication(
  db: DbOrTx,
  { id, userId, changes }: { id: number; userId: string; changes: ApplicationChanges },
): Promise<OfferApplication | null> {
  const [row] = await db
    .update(offerApplications)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(and(eq(offerApplications.id, id), eq(offerApplications.userId, userId)))
    .returning();
  return row ?? null;
}

export async function deleteApplication(db: DbOrTx, { id, userId }: { id: number; userId: string }): Promise<boolean> {
  const rows = await db
    .delete(offerApplications)
    .where(and(eq(offerApplications.id, id), eq(offerApplications.userId, userId)))
    .returning({ id: offerApplications.id });
  return rows.length === 1;
}
