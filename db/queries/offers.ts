import { and, desc, eq, getTableColumns, gt, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { offerExpiresAt } from "@/lib/domain/offer-expiry";
import type { OfferDetail, OfferFields, OfferSummary } from "@/lib/domain/offers";
import type { DbOrTx } from "../client";
import { jobOffers, posts, threads, users, type Thread } from "../schema";
import { decodeKeyset, encodeKeyset } from "./keyset";
import { updatePost, type PostContent } from "./posts";
import { createThread, type CreateThreadParams } from "./threads";

export const OFFERS_PAGE_SIZE = 20;

export type OfferListFilters = {
  contract?: OfferFields["contract"];
  workMode?: OfferFields["workMode"];
  department?: string;
  family?: OfferFields["essFamily"];
  /** Only offers not filled ("encore ouvertes"). Expired offers are never listed. */
  open?: boolean;
};

const summaryColumns = {
  offer: jobOffers,
  thread: {
    id: threads.id,
    slug: threads.slug,
    title: threads.title,
    excerpt: threads.excerpt,
    replyCount: threads.replyCount,
  },
  author: { id: users.id, name: users.name, role: users.role, organisation: users.organisation },
};

type SummaryRow = {
  offer: typeof jobOffers.$inferSelect;
  thread: { id: number; slug: string; title: string; excerpt: string; replyCount: number };
  author: OfferSummary["author"];
};

function toSummary({ offer, thread, author }: SummaryRow): OfferSummary {
  const { threadId, ...fields } = offer;
  return {
    ...fields,
    threadId,
    slug: thread.slug,
    title: thread.title,
    excerpt: thread.excerpt,
    replyCount: thread.replyCount,
    author,
  };
}

function filterConditions(filters: OfferListFilters, now: Date | undefined): (SQL | undefined)[] {
  return [
    gt(jobOffers.expiresAt, now ?? sql`now()`),
    filters.contract ? eq(jobOffers.contract, filters.contract) : undefined,
    filters.workMode ? eq(jobOffers.workMode, filters.workMode) : undefined,
    filters.department ? eq(jobOffers.department, filters.department) : undefined,
    filters.family ? eq(jobOffers.essFamily, filters.family) : undefined,
    filters.open ? isNull(jobOffers.filledAt) : undefined,
  ];
}

/**
 * Offers still current (not expired), newest first, with filters that combine. Keyset
 * pagination on (published_at, thread_id). One query per page, in two steps: the page of
 * offers is chosen on `job_offers` alone (its indexes: published, contract, department,
 * expiry), then only those rows are joined to their threads and authors by primary key, so
 * the plan never walks the whole threads table. A thread deleted by moderation is dropped
 * from the page it falls in (that page is one shorter; no offer is skipped or repeated).
 */
export async function listOffers(
  db: DbOrTx,
  {
    filters = {},
    cursor,
    limit = OFFERS_PAGE_SIZE,
    now,
  }: { filters?: OfferListFilters; cursor?: string; limit?: number; now?: Date },
): Promise<{ items: OfferSummary[]; nextCursor: string | null }> {
  const after = decodeKeyset(cursor, "integer");
  const page = db
    .select({
      ...getTableColumns(jobOffers),
      publishedKey:
        sql<string>`to_char(${jobOffers.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          "published_key",
        ),
    })
    .from(jobOffers)
    .where(
      and(
        ...filterConditions(filters, now),
        after
          ? sql`(${jobOffers.publishedAt}, ${jobOffers.threadId}) < (${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(desc(jobOffers.publishedAt), desc(jobOffers.threadId))
    .limit(limit + 1)
    .as("page");
  const rows = await db
    .select({
      offer: {
        threadId: page.threadId,
        origin: page.origin,
        organisation: page.organisation,
        essFamily: page.essFamily,
        contract: page.contract,
        city: page.city,
        department: page.department,
        workMode: page.workMode,
        salaryMin: page.salaryMin,
        salaryMax: page.salaryMax,
        salaryPeriod: page.salaryPeriod,
        startDate: page.startDate,
        deadline: page.deadline,
        howToApply: page.howToApply,
        sourceUrl: page.sourceUrl,
        publishedAt: page.publishedAt,
        expiresAt: page.expiresAt,
        filledAt: page.filledAt,
        updatedAt: page.updatedAt,
      },
      publishedKey: page.publishedKey,
      thread: { ...summaryColumns.thread, deletedAt: threads.deletedAt },
      author: summaryColumns.author,
    })
    .from(page)
    .innerJoin(threads, eq(threads.id, page.threadId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .orderBy(desc(page.publishedAt), desc(page.threadId));
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  return {
    items: kept
      .filter((row) => row.thread.deletedAt === null)
      .map(({ offer, thread, author }) => toSummary({ offer, thread, author })),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.publishedKey, id: last.offer.threadId }) : null,
  };
}

/** The rendered descriptions of some offers (feeds), in one query. */
export async function listOpeningHtml(
  db: DbOrTx,
  { threadIds }: { threadIds: number[] },
): Promise<Map<number, string>> {
  if (!threadIds.length) return new Map();
  const rows = await db
    .select({ threadId: posts.threadId, bodyHtml: posts.bodyHtml })
    .from(posts)
    .where(
      and(inArray(posts.threadId, threadIds), eq(posts.number, 1), isNull(posts.deletedAt), isNull(posts.hiddenAt)),
    );
  return new Map(rows.map((row) => [row.threadId, row.bodyHtml]));
}

/** An offer with its opening post, whatever its state (the page decides what to show). */
export async function getOffer(db: DbOrTx, { threadId }: { threadId: number }): Promise<OfferDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      authorId: threads.authorId,
      deletedAt: threads.deletedAt,
      opening: {
        id: posts.id,
        body: posts.body,
        bodyHtml: posts.bodyHtml,
        bodyText: posts.bodyText,
        version: posts.version,
      },
    })
    .from(jobOffers)
    .innerJoin(threads, eq(threads.id, jobOffers.threadId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .innerJoin(posts, and(eq(posts.threadId, jobOffers.threadId), eq(posts.number, 1)))
    .where(eq(jobOffers.threadId, threadId))
    .limit(1);
  if (!row) return null;
  return { ...toSummary(row), authorId: row.authorId, isDeleted: row.deletedAt !== null, opening: row.opening };
}

export type CreateOfferParams = Omit<CreateThreadParams, "kind"> & { fields: OfferFields };

/** The structured part of a new offer, inside the transaction that wrote its thread. */
export async function insertOfferFields(
  tx: DbOrTx,
  { thread, fields }: { thread: Pick<Thread, "id" | "createdAt">; fields: OfferFields },
): Promise<void> {
  const publishedAt = thread.createdAt;
  await tx.insert(jobOffers).values({
    threadId: thread.id,
    ...fields,
    publishedAt,
    expiresAt: offerExpiresAt({ deadline: fields.deadline, publishedAt }),
  });
}

/**
 * An offer, its thread and opening post in one transaction, without the publishing pipeline's
 * limits and events (lib/offers/service publishes through it): for seeds and tests.
 */
export async function createOffer(
  db: DbOrTx,
  { fields, ...thread }: CreateOfferParams,
): Promise<{ thread: Thread; postId: number; isNew: boolean }> {
  return db.transaction(async (tx) => {
    const created = await createThread(tx, { ...thread, kind: "offer" });
    if (created.isNew) await insertOfferFields(tx, { thread: created.thread, fields });
    return created;
  });
}

export type UpdateOfferResult =
  | { ok: true; postVersion: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "conflict"; current: { body: unknown; bodyHtml: string; version: number } };

/** Rows of this offer that belong to `actorId`: the author's id is part of every write. */
function ownedBy(threadId: number, actorId: string) {
  return sql`exists (select 1 from ${threads} where ${threads.id} = ${threadId} and ${threads.authorId} = ${actorId} and ${threads.deletedAt} is null)`;
}

/**
 * The author edits their offer: fields, title and description together. The description
 * keeps the forum's optimistic concurrency and revision history (`expectedVersion`).
 */
export async function updateOffer(
  db: DbOrTx,
  params: {
    threadId: number;
    actorId: string;
    title: string;
    content: PostContent;
    fields: OfferFields;
    expectedVersion?: number;
  },
): Promise<UpdateOfferResult> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ publishedAt: jobOffers.publishedAt, postId: posts.id, version: posts.version })
      .from(jobOffers)
      .innerJoin(posts, and(eq(posts.threadId, jobOffers.threadId), eq(posts.number, 1)))
      .where(and(eq(jobOffers.threadId, params.threadId), ownedBy(params.threadId, params.actorId)))
      .for("update", { of: jobOffers })
      .limit(1);
    if (!current) return { ok: false as const, reason: "not_found" as const };
    const post = await updatePost(tx, {
      postId: current.postId,
      actorId: params.actorId,
      content: params.content,
      title: params.title,
      expectedVersion: params.expectedVersion ?? current.version,
    });
    if (!post.ok && post.reason === "conflict") {
      return {
        ok: false as const,
        reason: "conflict" as const,
        current: { body: post.current.body, bodyHtml: post.current.bodyHtml, version: post.current.version },
      };
    }
    if (!post.ok) return { ok: false as const, reason: "not_found" as const };
    await tx
      .update(jobOffers)
      .set({
        ...params.fields,
        expiresAt: offerExpiresAt({ deadline: params.fields.deadline, publishedAt: current.publishedAt }),
        updatedAt: sql`now()`,
      })
      .where(and(eq(jobOffers.threadId, params.threadId), ownedBy(params.threadId, params.actorId)));
    return { ok: true as const, postVersion: post.post.version };
  });
}

/** "Pourvue" (filled) or reopened, by its author only. Returns false when not theirs. */
export async function setOfferFilled(
  db: DbOrTx,
  { threadId, actorId, filled }: { threadId: number; actorId: string; filled: boolean },
): Promise<boolean> {
  const rows = await db
    .update(jobOffers)
    .set({ filledAt: filled ? sql`coalesce(${jobOffers.filledAt}, now())` : null, updatedAt: sql`now()` })
    .where(and(eq(jobOffers.threadId, threadId), ownedBy(threadId, actorId)))
    .returning({ threadId: jobOffers.threadId });
  return rows.length === 1;
}
