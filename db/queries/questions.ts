import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { acceptedAnswers, channels, posts, threads, users } from "../schema";
import { afterKeyset, decodeKeyset, encodeKeyset, timestampKey } from "./keyset";
import { authorColumns, type PostWithAuthor } from "./posts";

/** Marks a reply as the accepted answer of its question (replacing an earlier choice). */
export async function setAcceptedAnswer(db: DbOrTx, params: { threadId: number; postId: number; actorId: string }) {
  await db
    .insert(acceptedAnswers)
    .values({ threadId: params.threadId, postId: params.postId, acceptedById: params.actorId })
    .onConflictDoUpdate({
      target: acceptedAnswers.threadId,
      set: { postId: params.postId, acceptedById: params.actorId, acceptedAt: sql`now()` },
    });
}

export async function clearAcceptedAnswer(db: DbOrTx, { threadId }: { threadId: number }) {
  const rows = await db
    .delete(acceptedAnswers)
    .where(eq(acceptedAnswers.threadId, threadId))
    .returning({ postId: acceptedAnswers.postId });
  return rows.length > 0;
}

/** The accepted answer of a question with its author, or null. */
export async function getAcceptedAnswer(
  db: DbOrTx,
  { threadId }: { threadId: number },
): Promise<PostWithAuthor | null> {
  const [row] = await db
    .select({ post: posts, author: authorColumns })
    .from(acceptedAnswers)
    .innerJoin(posts, eq(posts.id, acceptedAnswers.postId))
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(acceptedAnswers.threadId, threadId))
    .limit(1);
  return row ? { ...row.post, author: row.author } : null;
}

export const UNANSWERED_PAGE_SIZE = 30;

export type UnansweredItem = {
  id: number;
  slug: string;
  title: string;
  excerpt: string;
  replyCount: number;
  createdAt: Date;
  channel: { slug: string; name: string; nameEn: string | null };
  author: { id: string; name: string; role: string; organisation: string | null };
};

/**
 * Questions without an accepted answer in the given channels, oldest first (the longest
 * waiting come first). Keyset pagination on (created_at, id); one query per page.
 */
export async function listUnansweredQuestions(
  db: DbOrTx,
  params: { channelIds: number[]; cursor?: string; limit?: number },
): Promise<{ items: UnansweredItem[]; nextCursor: string | null }> {
  if (params.channelIds.length === 0) return { items: [], nextCursor: null };
  const limit = params.limit ?? UNANSWERED_PAGE_SIZE;
  const rows = await db
    .select({
      thread: {
        id: threads.id,
        slug: threads.slug,
        title: threads.title,
        excerpt: threads.excerpt,
        replyCount: threads.replyCount,
        createdAt: threads.createdAt,
      },
      atKey: timestampKey(threads.createdAt),
      channel: { slug: channels.slug, name: channels.name, nameEn: channels.nameEn },
      author: authorColumns,
    })
    .from(threads)
    .innerJoin(channels, eq(channels.id, threads.channelId))
    .innerJoin(users, eq(users.id, threads.authorId))
    .leftJoin(acceptedAnswers, eq(acceptedAnswers.threadId, threads.id))
    .where(
      and(
        eq(threads.kind, "question"),
        isNull(threads.deletedAt),
        isNull(acceptedAnswers.threadId),
        inArray(threads.channelId, params.channelIds),
        afterKeyset(threads.createdAt, threads.id, decodeKeyset(params.cursor, "integer"), "asc"),
      ),
    )
    .orderBy(asc(threads.createdAt), asc(threads.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ thread, channel, author }) => ({ ...thread, channel, author })),
    nextCursor: rows.length > limit && last ? encodeKeyset({ at: last.atKey, id: last.thread.id }) : null,
  };
}
