import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { ActivityStatus, Attendance, RsvpResponse } from "@/lib/domain/rhythm";
import type { DbOrTx, Tx } from "../client";
import { activities, activityRsvps, calendarFeeds, users } from "../schema";

export type ActivityInsert = typeof activities.$inferInsert;
export type ActivityRow = typeof activities.$inferSelect;

export async function insertActivity(db: DbOrTx, values: ActivityInsert): Promise<ActivityRow> {
  const [row] = await db.insert(activities).values(values).returning();
  return row!;
}

export async function getActivity(db: DbOrTx, { id }: { id: number }): Promise<ActivityRow | null> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row ?? null;
}

/** Reads the activity and locks it until the transaction ends: answers to one activity queue here. */
export async function lockActivity(tx: Tx, { id }: { id: number }): Promise<ActivityRow | null> {
  const [row] = await tx.select().from(activities).where(eq(activities.id, id)).for("update");
  return row ?? null;
}

export async function updateActivity(
  db: DbOrTx,
  { id, ...values }: Partial<ActivityInsert> & { id: number },
): Promise<ActivityRow | null> {
  const [row] = await db
    .update(activities)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(activities.id, id))
    .returning();
  return row ?? null;
}

/**
 * Moves an activity from one of `from` to `status` (with other fields); null when it was no
 * longer in one of them: of two facilitators deciding at once, one wins, the other is told.
 */
export async function transitionActivity(
  db: DbOrTx,
  { id, from, ...values }: Partial<ActivityInsert> & { id: number; from: ActivityStatus[] },
): Promise<ActivityRow | null> {
  const [row] = await db
    .update(activities)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(activities.id, id), inArray(activities.status, from)))
    .returning();
  return row ?? null;
}

/** How many confirmed "oui" an activity has, and how many wait. */
const goingCount = sql<number>`(select count(*)::int from ${activityRsvps} r where r.activity_id = ${activities.id} and r.response = 'going')`;
const waitingCount = sql<number>`(select count(*)::int from ${activityRsvps} r where r.activity_id = ${activities.id} and r.response = 'waitlisted')`;

export type ActivityListItem = ActivityRow & {
  hostName: string;
  going: number;
  waiting: number;
  myResponse: RsvpResponse | null;
  recapPostNumber: number | null;
};

/**
 * Activities in a window, with their host and counts, and the viewer's own answer. `upcoming`
 * lists by start ascending; `past` by start descending. `hostId`: a proposer sees their proposals.
 */
export async function listActivities(
  db: DbOrTx,
  params: {
    viewerId: string;
    statuses: ActivityStatus[];
    from?: Date;
    until?: Date;
    order: "asc" | "desc";
    limit: number;
    proposedBy?: string;
    ids?: number[];
  },
): Promise<ActivityListItem[]> {
  const mine = sql<RsvpResponse | null>`(select r.response from ${activityRsvps} r where r.activity_id = ${activities.id} and r.user_id = ${params.viewerId})`;
  return db
    .select({
      ...tableColumns,
      hostName: users.name,
      going: goingCount,
      waiting: waitingCount,
      myResponse: mine,
      recapPostNumber: sql<
        number | null
      >`(select p.number from posts p where p.id = ${activities.recapPostId} and p.deleted_at is null)`,
    })
    .from(activities)
    .innerJoin(users, eq(users.id, activities.hostId))
    .where(
      and(
        inArray(activities.status, params.statuses),
        params.from ? gte(activities.endsAt, params.from) : undefined,
        params.until ? lt(activities.endsAt, params.until) : undefined,
        params.proposedBy ? eq(activities.proposedById, params.proposedBy) : undefined,
        params.ids ? inArray(activities.id, params.ids) : undefined,
      ),
    )
    .orderBy(params.order === "asc" ? asc(activities.startsAt) : desc(activities.startsAt), asc(activities.id))
    .limit(params.limit);
}

const tableColumns = {
  id: activities.id,
  title: activities.title,
  description: activities.description,
  kind: activities.kind,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  place: activities.place,
  visioUrl: activities.visioUrl,
  capacity: activities.capacity,
  hostId: activities.hostId,
  proposedById: activities.proposedById,
  status: activities.status,
  decidedById: activities.decidedById,
  threadId: activities.threadId,
  recapPostId: activities.recapPostId,
  cancelReason: activities.cancelReason,
  remindedDayBeforeAt: activities.remindedDayBeforeAt,
  remindedHourBeforeAt: activities.remindedHourBeforeAt,
  createdAt: activities.createdAt,
  updatedAt: activities.updatedAt,
};

/** Activities a member answered "oui", "peut-être" or waits for, or hosts (their calendar). */
export async function listActivitiesOfMember(db: DbOrTx, params: { userId: string; from: Date; limit: number }) {
  const response = sql<RsvpResponse | null>`(select r.response from ${activityRsvps} r where r.activity_id = ${activities.id} and r.user_id = ${params.userId})`;
  return db
    .select({ ...tableColumns, hostName: users.name, myResponse: response })
    .from(activities)
    .innerJoin(users, eq(users.id, activities.hostId))
    .where(
      and(
        inArray(activities.status, ["published", "cancelled"]),
        gte(activities.endsAt, params.from),
        sql`(${activities.hostId} = ${params.userId} or exists (select 1 from ${activityRsvps} r where r.activity_id = ${activities.id} and r.user_id = ${params.userId} and r.response in ('going', 'waitlisted', 'maybe')))`,
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(params.limit);
}

export async function getRsvp(db: DbOrTx, params: { activityId: number; userId: string }) {
  const [row] = await db
    .select()
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, params.activityId), eq(activityRsvps.userId, params.userId)));
  return row ?? null;
}

export async function countGoing(db: DbOrTx, { activityId }: { activityId: number }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, activityId), eq(activityRsvps.response, "going")));
  return row?.n ?? 0;
}

/** Records an answer; a changed answer takes a new place in the waiting list's order. */
export async function upsertRsvp(db: DbOrTx, params: { activityId: number; userId: string; response: RsvpResponse }) {
  await db
    .insert(activityRsvps)
    .values({ ...params, respondedAt: new Date() })
    .onConflictDoUpdate({
      target: [activityRsvps.activityId, activityRsvps.userId],
      set: { response: params.response, respondedAt: new Date() },
    });
}

/** The longest-waiting members, first come first served. */
export async function firstWaiting(db: DbOrTx, { activityId, limit }: { activityId: number; limit: number }) {
  return db
    .select({ userId: activityRsvps.userId })
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, activityId), eq(activityRsvps.response, "waitlisted")))
    .orderBy(asc(activityRsvps.respondedAt), asc(activityRsvps.userId))
    .limit(limit);
}

export async function promoteRsvps(db: DbOrTx, { activityId, userIds }: { activityId: number; userIds: string[] }) {
  if (!userIds.length) return;
  await db
    .update(activityRsvps)
    .set({ response: "going" })
    .where(and(eq(activityRsvps.activityId, activityId), inArray(activityRsvps.userId, userIds)));
}

/** Everyone who answered, with names, "oui" first then the waiting list in order. */
export async function listRsvps(db: DbOrTx, { activityId }: { activityId: number }) {
  return db
    .select({
      userId: activityRsvps.userId,
      name: users.name,
      response: activityRsvps.response,
      attendance: activityRsvps.attendance,
      respondedAt: activityRsvps.respondedAt,
    })
    .from(activityRsvps)
    .innerJoin(users, eq(users.id, activityRsvps.userId))
    .where(eq(activityRsvps.activityId, activityId))
    .orderBy(
      sql`case ${activityRsvps.response} when 'going' then 0 when 'waitlisted' then 1 when 'maybe' then 2 else 3 end`,
      asc(activityRsvps.respondedAt),
    );
}

export async function listParticipantIds(
  db: DbOrTx,
  params: { activityId: number; responses: RsvpResponse[] },
): Promise<string[]> {
  const rows = await db
    .select({ userId: activityRsvps.userId })
    .from(activityRsvps)
    .where(and(eq(activityRsvps.activityId, params.activityId), inArray(activityRsvps.response, params.responses)));
  return rows.map((row) => row.userId);
}

export async function setAttendance(
  db: DbOrTx,
  params: { activityId: number; userId: string; attendance: Attendance | null },
): Promise<boolean> {
  const rows = await db
    .update(activityRsvps)
    .set({ attendance: params.attendance })
    .where(
      and(
        eq(activityRsvps.activityId, params.activityId),
        eq(activityRsvps.userId, params.userId),
        eq(activityRsvps.response, "going"),
      ),
    )
    .returning({ userId: activityRsvps.userId });
  return rows.length > 0;
}

/**
 * Claims the activities whose reminder is due (start within `within`, not yet reminded) and
 * marks them reminded in the same statement: two workers never remind twice.
 */
export async function claimDueReminders(
  db: DbOrTx,
  params: { now: Date; within: number; column: "remindedDayBeforeAt" | "remindedHourBeforeAt" },
) {
  const column = activities[params.column];
  return db
    .update(activities)
    .set({ [params.column]: params.now })
    .where(
      and(
        eq(activities.status, "published"),
        isNull(column),
        gt(activities.startsAt, params.now),
        lte(activities.startsAt, new Date(params.now.getTime() + params.within)),
      ),
    )
    .returning({
      id: activities.id,
      title: activities.title,
      startsAt: activities.startsAt,
      hostId: activities.hostId,
    });
}

/** The member a calendar feed token belongs to (by its hash), with what permissions need. */
export async function findCalendarFeedOwner(db: DbOrTx, { tokenHash }: { tokenHash: string }) {
  const [row] = await db
    .select({ id: users.id, role: users.role, status: users.status })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row ?? null;
}

export async function hasCalendarFeed(db: DbOrTx, { userId }: { userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: calendarFeeds.userId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId));
  return Boolean(row);
}

/** One feed per member: a new token replaces (and so revokes) the previous one. */
export async function replaceCalendarFeed(db: DbOrTx, { userId, tokenHash }: { userId: string; tokenHash: string }) {
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: new Date() } });
}

export async function deleteCalendarFeed(db: DbOrTx, { userId }: { userId: string }) {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}
