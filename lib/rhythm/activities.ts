import "server-only";
import {
  countGoing,
  firstWaiting,
  getActivity,
  getRsvp,
  insertActivity,
  listActivities,
  listParticipantIds,
  listRsvps,
  lockActivity,
  promoteRsvps,
  setAttendance,
  transitionActivity,
  updateActivity,
  upsertRsvp,
  type ActivityRow,
} from "@/db/queries/activities";
import { getChannelBySlug } from "@/db/queries/channels";
import { getThreadWithChannel } from "@/db/queries/threads";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import type { Attendance, RsvpResponse } from "@/lib/domain/rhythm";
import { documentFromText } from "@/lib/editor/render";
import { AppError } from "@/lib/errors";
import { publishReply, publishThread } from "@/lib/forum/publish";
import { notifyMembers } from "@/lib/notifications/fanout";
import {
  canDecideActivity,
  canManageActivity,
  canProposeActivity,
  canPublishActivityDirectly,
  canRsvp,
  canSeeActivity,
  canSeeActivityAccess,
  canViewActivities,
  isChannelArchived,
  type Actor,
} from "@/lib/permissions";
import { threadPath } from "@/lib/slug";
import { absoluteUrl } from "@/lib/urls";
import type { ActivityInput } from "@/lib/validation/rhythm";
import { frenchDateTime } from "./dates";

/** Announcements and recaps live in *Vie du programme*. */
export const PROGRAMME_CHANNEL_SLUG = "programme";

/** How many places an activity has left (null: no limit). */
export function placesLeftOf(activity: { capacity: number | null; going: number }): number | null {
  return activity.capacity === null ? null : Math.max(0, activity.capacity - activity.going);
}

/** Answers the service gives the UI, with the access details only for those who may see them. */
export type ActivityView = Omit<ActivityRow, "visioUrl"> & {
  visioUrl: string | null;
  hostName: string;
  going: number;
  waiting: number;
  myResponse: RsvpResponse | null;
  canManage: boolean;
  isHost: boolean;
  canSeeAccess: boolean;
};

function toView(actor: Actor, row: Awaited<ReturnType<typeof listActivities>>[number]): ActivityView {
  const canSeeAccess = canSeeActivityAccess(actor, row, row.myResponse);
  return {
    ...row,
    visioUrl: canSeeAccess ? row.visioUrl : null,
    canManage: canManageActivity(actor, row),
    isHost: actor?.id === row.hostId,
    canSeeAccess,
  };
}

/**
 * A member proposes an activity and hosts it. Facilitators and pros publish at once; a member's
 * proposal waits for a facilitator. New activities start in the future.
 */
export async function proposeActivity(ctx: ServiceContext, input: ActivityInput, now = new Date()) {
  const { db, actor } = ctx;
  if (!canProposeActivity(actor)) throw new AppError("unauthenticated");
  if (input.startsAt.getTime() <= now.getTime()) {
    throw new AppError("bad_request", "activities.errors.startInPast", { field: "startsAt" });
  }
  const publishNow = canPublishActivityDirectly(actor);
  let activity = await insertActivity(db, {
    ...input,
    hostId: actor.id,
    proposedById: actor.id,
    status: publishNow ? "published" : "proposed",
    decidedById: publishNow ? actor.id : null,
  });
  if (publishNow) activity = await announce(db, actor, activity);
  return activity;
}

/** A facilitator publishes or turns down a proposal; the proposer is told either way. */
export async function decideActivity(ctx: ServiceContext, input: { activityId: number; approve: boolean }) {
  const { db, actor } = ctx;
  if (!canDecideActivity(actor)) throw new AppError("forbidden");
  const activity = await getActivity(db, { id: input.activityId });
  if (!activity) throw new AppError("not_found");
  let updated = await transitionActivity(db, {
    id: activity.id,
    from: ["proposed"],
    status: input.approve ? "published" : "rejected",
    decidedById: actor!.id,
  });
  if (!updated) throw new AppError("conflict", "activities.errors.alreadyDecided");
  if (input.approve) updated = await announce(db, actor!, updated);
  await notifyMembers(db, {
    type: "activity",
    userIds: [activity.proposedById],
    actorId: actor!.id,
    payload: { activityId: activity.id, event: input.approve ? "approved" : "rejected", title: activity.title },
  });
  return updated;
}

/** The activity's thread in *Vie du programme*: where members discuss it and the recap goes. */
async function announce(db: DbOrTx, actor: NonNullable<Actor>, activity: ActivityRow): Promise<ActivityRow> {
  const channel = await getChannelBySlug(db, { slug: PROGRAMME_CHANNEL_SLUG });
  // An archived channel takes no new thread: the activity goes without its discussion thread.
  if (!channel || isChannelArchived(channel)) return activity;
  const body: RichTextDocument = documentFromText(
    [`📅 ${frenchDateTime(activity.startsAt)}${activity.place ? ` · ${activity.place}` : ""}`, activity.description]
      .filter(Boolean)
      .join("\n\n"),
  );
  const { thread } = await publishThread(
    { db, actor },
    {
      channel,
      title: activity.title,
      body: withActivityLink(body, activity.id, "Inscriptions et détails : "),
      idempotencyKey: `activity:${activity.id}`,
    },
  );
  return (await updateActivity(db, { id: activity.id, threadId: thread.id })) ?? activity;
}

/** Ends a post with the link to the activity's page (announcement and recap lead back to it). */
function withActivityLink(body: RichTextDocument, activityId: number, label: string): RichTextDocument {
  const link = absoluteUrl(`/activites/${activityId}`);
  return {
    ...body,
    content: [
      ...body.content,
      {
        type: "paragraph",
        content: [
          { type: "text", text: label },
          { type: "text", text: link, marks: [{ type: "link", attrs: { href: link } }] },
        ],
      },
    ],
  };
}

export async function listUpcomingActivities({ db, actor }: ServiceContext, now = new Date(), limit = 20) {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  const rows = await listActivities(db, {
    viewerId: actor.id,
    statuses: ["published"],
    from: now,
    order: "asc",
    limit,
  });
  return rows.map((row) => toView(actor, row));
}

export async function listPastActivities({ db, actor }: ServiceContext, now = new Date(), limit = 20) {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  const rows = await listActivities(db, {
    viewerId: actor.id,
    statuses: ["published"],
    until: now,
    order: "desc",
    limit,
  });
  return rows.map((row) => toView(actor, row));
}

/** Proposals waiting for a decision: all of them for facilitators, one's own for a member. */
export async function listProposedActivities({ db, actor }: ServiceContext) {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  const rows = await listActivities(db, {
    viewerId: actor.id,
    statuses: ["proposed"],
    order: "asc",
    limit: 50,
    proposedBy: canDecideActivity(actor) ? undefined : actor.id,
  });
  return rows.map((row) => toView(actor, row));
}

/** One activity with who answered; a proposal only for its host and facilitators. */
export async function getActivityPage({ db, actor }: ServiceContext, id: number) {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  const [row] = await listActivities(db, {
    viewerId: actor.id,
    statuses: ["proposed", "published", "rejected", "cancelled"],
    order: "asc",
    limit: 1,
    ids: [id],
  });
  if (!row || !canSeeActivity(actor, row)) throw new AppError("not_found");
  const [rsvps, announcement] = await Promise.all([
    listRsvps(db, { activityId: id }),
    row.threadId ? getThreadWithChannel(db, { threadId: row.threadId }) : null,
  ]);
  const path =
    announcement && !announcement.thread.deletedAt ? threadPath(announcement.channel.slug, announcement.thread) : null;
  return {
    activity: toView(actor, row),
    rsvps,
    threadPath: path,
    recapPath: path && row.recapPostNumber ? `${path}?post=${row.recapPostNumber}#p${row.recapPostNumber}` : null,
  };
}

/**
 * A member answers. The activity row is locked for the transaction, so answers queue: a "oui"
 * takes a place while one is left, else joins the waiting list; a place given back goes to the
 * longest-waiting member, who is told. Concurrent answers never over-fill an activity.
 */
export async function respondToActivity(
  { db, actor }: ServiceContext,
  input: { activityId: number; response: Exclude<RsvpResponse, "waitlisted"> },
  now = new Date(),
): Promise<{ response: RsvpResponse; promoted: string[] }> {
  const outcome = await db.transaction(async (tx) => {
    const activity = await lockActivity(tx, { id: input.activityId });
    if (!activity || !canSeeActivity(actor, activity)) throw new AppError("not_found");
    if (!canRsvp(actor, activity)) throw new AppError("forbidden", "activities.errors.closed");
    if (activity.endsAt.getTime() <= now.getTime()) throw new AppError("conflict", "activities.errors.over");
    const previous = await getRsvp(tx, { activityId: activity.id, userId: actor.id });
    let response: RsvpResponse = input.response;
    if (response === "going" && previous?.response !== "going" && activity.capacity !== null) {
      const taken = await countGoing(tx, { activityId: activity.id });
      if (taken >= activity.capacity) response = "waitlisted";
    }
    if (response === "waitlisted" && previous?.response === "waitlisted") return { activity, response, promoted: [] };
    if (previous?.response !== response) await upsertRsvp(tx, { activityId: activity.id, userId: actor.id, response });
    const promoted = previous?.response === "going" && response !== "going" ? await fillPlaces(tx, activity) : [];
    return { activity, response, promoted };
  });
  if (outcome.promoted.length) await tellPromoted(db, outcome.activity, outcome.promoted);
  return { response: outcome.response, promoted: outcome.promoted };
}

/** Gives free places to the waiting list, in order (inside the locking transaction). */
async function fillPlaces(tx: DbOrTx, activity: ActivityRow): Promise<string[]> {
  const free =
    activity.capacity === null ? 1_000 : activity.capacity - (await countGoing(tx, { activityId: activity.id }));
  if (free <= 0) return [];
  const next = await firstWaiting(tx, { activityId: activity.id, limit: free });
  const userIds = next.map((row) => row.userId);
  await promoteRsvps(tx, { activityId: activity.id, userIds });
  return userIds;
}

async function tellPromoted(db: DbOrTx, activity: ActivityRow, userIds: string[]) {
  await notifyMembers(db, {
    type: "activity",
    userIds,
    payload: { activityId: activity.id, event: "promoted", title: activity.title },
  });
}

/** The host or a facilitator edits an activity; raising the capacity lets the waiting list in. */
export async function editActivity({ db, actor }: ServiceContext, id: number, input: ActivityInput) {
  const promoted = await db.transaction(async (tx) => {
    const activity = await lockActivity(tx, { id });
    if (!activity || !canSeeActivity(actor, activity)) throw new AppError("not_found");
    if (!canManageActivity(actor, activity)) throw new AppError("forbidden");
    if (activity.status === "cancelled" || activity.status === "rejected") {
      throw new AppError("conflict", "activities.errors.closed");
    }
    const updated = (await updateActivity(tx, { id, ...input }))!;
    return { updated, userIds: updated.status === "published" ? await fillPlaces(tx, updated) : [] };
  });
  if (promoted.userIds.length) await tellPromoted(db, promoted.updated, promoted.userIds);
  return promoted.updated;
}

/** Cancelling tells everyone who answered "oui", "peut-être" or waits. */
export async function cancelActivity({ db, actor }: ServiceContext, input: { activityId: number; reason: string }) {
  const activity = await getActivity(db, { id: input.activityId });
  if (!activity || !canSeeActivity(actor, activity)) throw new AppError("not_found");
  if (!canManageActivity(actor, activity)) throw new AppError("forbidden");
  const updated = await transitionActivity(db, {
    id: activity.id,
    from: ["proposed", "published"],
    status: "cancelled",
    cancelReason: input.reason || null,
  });
  // Already cancelled (a double click, two hosts at once): participants were told once.
  if (!updated) return activity;
  const participants = await listParticipantIds(db, {
    activityId: activity.id,
    responses: ["going", "waitlisted", "maybe"],
  });
  await notifyMembers(db, {
    type: "activity",
    userIds: participants,
    actorId: actor!.id,
    payload: { activityId: activity.id, event: "cancelled", title: activity.title, reason: input.reason || null },
  });
  return updated;
}

/** After it started, the host records who came (only those who had a place). */
export async function recordAttendance(
  { db, actor }: ServiceContext,
  input: { activityId: number; userId: string; attendance: Attendance },
  now = new Date(),
) {
  const activity = await getActivity(db, { id: input.activityId });
  if (!activity || !canSeeActivity(actor, activity)) throw new AppError("not_found");
  if (!canManageActivity(actor, activity)) throw new AppError("forbidden");
  if (activity.startsAt.getTime() > now.getTime()) throw new AppError("conflict", "activities.errors.notStarted");
  if (!(await setAttendance(db, input))) throw new AppError("not_found");
}

/** The host's recap: a reply in the activity's thread, linked from the activity page. */
export async function postRecap({ db, actor }: ServiceContext, input: { activityId: number; recap: string }) {
  const activity = await getActivity(db, { id: input.activityId });
  if (!activity || !canSeeActivity(actor, activity)) throw new AppError("not_found");
  if (!canManageActivity(actor, activity)) throw new AppError("forbidden");
  if (!activity.threadId) throw new AppError("conflict", "activities.errors.closed");
  const announcement = await getThreadWithChannel(db, { threadId: activity.threadId });
  if (!announcement) throw new AppError("not_found");
  const { post } = await publishReply(
    { db, actor: actor! },
    {
      ...announcement,
      body: withActivityLink(documentFromText(`📝 Compte rendu\n\n${input.recap}`), activity.id, "L'activité : "),
      idempotencyKey: `activity-recap:${activity.id}`,
    },
  );
  await updateActivity(db, { id: activity.id, recapPostId: post.id });
  return `${threadPath(announcement.channel.slug, announcement.thread)}?post=${post.number}#p${post.number}`;
}
