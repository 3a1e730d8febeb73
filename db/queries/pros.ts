import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { proRequests, users, type ProRequest } from "../schema";
import { insertAudit } from "./audit";
import {
  afterKeyset,
  afterNameKeyset,
  decodeKeyset,
  decodeNameKeyset,
  encodeKeyset,
  encodeNameKeyset,
  timestampKey,
  toKeysetPage,
} from "./keyset";

export type ProRequestInput = { organisation: string; jobTitle: string; proofUrl: string; expertise: string[] };

/** Files a pro request. Null when the member already has one waiting (one at a time). */
export async function createProRequest(
  db: DbOrTx,
  params: ProRequestInput & { userId: string },
): Promise<ProRequest | null> {
  const [row] = await db.insert(proRequests).values(params).onConflictDoNothing().returning();
  return row ?? null;
}

/** The member's most recent request (its status and the facilitator's message). */
export async function getLatestProRequest(db: DbOrTx, { userId }: { userId: string }): Promise<ProRequest | null> {
  const [row] = await db
    .select()
    .from(proRequests)
    .where(eq(proRequests.userId, userId))
    .orderBy(desc(proRequests.createdAt), desc(proRequests.id))
    .limit(1);
  return row ?? null;
}

export const PRO_QUEUE_PAGE_SIZE = 20;

/** Pending requests, oldest first, with who asked: one query per page. */
export async function listPendingProRequests(db: DbOrTx, params: { cursor?: string; limit?: number } = {}) {
  const limit = params.limit ?? PRO_QUEUE_PAGE_SIZE;
  const rows = await db
    .select({
      request: proRequests,
      atKey: timestampKey(proRequests.createdAt),
      user: { id: users.id, name: users.name, email: users.email, headline: users.headline },
    })
    .from(proRequests)
    .innerJoin(users, eq(users.id, proRequests.userId))
    .where(
      and(
        eq(proRequests.status, "pending"),
        afterKeyset(proRequests.createdAt, proRequests.id, decodeKeyset(params.cursor, "integer"), "asc"),
      ),
    )
    .orderBy(asc(proRequests.createdAt), asc(proRequests.id))
    .limit(limit + 1);
  const { items, nextCursor } = toKeysetPage(rows, limit, (last) =>
    encodeKeyset({ at: last.atKey, id: last.request.id }),
  );
  return { items: items.map(({ request, user }) => ({ ...request, user })), nextCursor };
}

/**
 * Approves or refuses a pending request. Approval makes the member a pro with the request's
 * organisation and expertise, in the same transaction: the badge shows on all their posts,
 * old ones included, since names are rendered from the account.
 */
export async function decideProRequest(
  db: DbOrTx,
  params: { requestId: number; actorId: string; approve: boolean; message: string | null },
) {
  return db.transaction(async (tx) => {
    const [request] = await tx
      .update(proRequests)
      .set({
        status: params.approve ? "approved" : "refused",
        decisionMessage: params.message,
        decidedById: params.actorId,
        decidedAt: sql`now()`,
      })
      .where(and(eq(proRequests.id, params.requestId), eq(proRequests.status, "pending")))
      .returning();
    if (!request) return null;
    if (params.approve) {
      const [promoted] = await tx
        .update(users)
        .set({ role: "pro", organisation: request.organisation, expertise: request.expertise, updatedAt: new Date() })
        .where(and(eq(users.id, request.userId), eq(users.role, "member"), eq(users.status, "active")))
        .returning({ id: users.id });
      // The member became staff or was suspended meanwhile: nothing to approve any more.
      if (!promoted) throw new ProRequestConflict();
    }
    await insertAudit(tx, {
      actorId: params.actorId,
      action: params.approve ? "pro.approve" : "pro.refuse",
      targetType: "pro_request",
      targetId: request.id,
      targetUserId: request.userId,
      reason: params.message,
      details: { organisation: request.organisation, jobTitle: request.jobTitle },
    });
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, request.userId));
    return { request, user: user! };
  });
}

/** Thrown inside the approval transaction to roll it back. */
export class ProRequestConflict extends Error {}

export const PROS_PAGE_SIZE = 24;

export type ProListItem = {
  id: string;
  name: string;
  headline: string | null;
  organisation: string | null;
  expertise: string[];
};

/** Active verified pros by name, optionally with one field of expertise (case-insensitive). */
export async function listPros(db: DbOrTx, params: { expertise?: string; cursor?: string; limit?: number } = {}) {
  const limit = params.limit ?? PROS_PAGE_SIZE;
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      headline: users.headline,
      organisation: users.organisation,
      expertise: users.expertise,
    })
    .from(users)
    .where(
      and(
        eq(users.role, "pro"),
        eq(users.status, "active"),
        params.expertise
          ? sql`exists (select 1 from unnest(${users.expertise}) as field where lower(field) = lower(${params.expertise}))`
          : undefined,
        afterNameKeyset(users.name, users.id, decodeNameKeyset(params.cursor)),
      ),
    )
    .orderBy(sql`lower(${users.name})`, asc(users.id))
    .limit(limit + 1);
  const { items, nextCursor } = toKeysetPage(rows, limit, encodeNameKeyset);
  return { items: items satisfies ProListItem[], nextCursor };
}

/** Every field of expertise of active pros, with how many pros list it: the directory's filter. */
export async function listProExpertise(db: DbOrTx): Promise<{ field: string; count: number }[]> {
  const result = await db.execute<{ field: string; count: number }>(sql`
    select min(field) as field, count(distinct ${users.id})::int as count
    from ${users}, unnest(${users.expertise}) as field
    where ${users.role} = 'pro' and ${users.status} = 'active'
    group by lower(field)
    order by lower(min(field))`);
  return result.rows;
}
