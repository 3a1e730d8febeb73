import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import {
  deleteCalendarFeed,
  findCalendarFeedOwner,
  hasCalendarFeed,
  listActivitiesOfMember,
  replaceCalendarFeed,
} from "@/db/queries/activities";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { canSeeActivityAccess, canViewActivities, type Actor } from "@/lib/permissions";
import { absoluteUrl, publicBaseUrl } from "@/lib/urls";
import { getActivityPage, type ActivityView } from "./activities";

type CalendarActivity = Pick<
  ActivityView,
  "id" | "title" | "description" | "startsAt" | "endsAt" | "place" | "visioUrl" | "status" | "hostName" | "updatedAt"
>;

/**
 * An iCalendar document (RFC 5545). Times are written in UTC: every calendar shows them in its
 * own zone, right on both sides of a daylight-saving change. The visio link is in an event only
 * when the caller already decided this reader may see it.
 */
export function toIcs(activities: CalendarActivity[], calendarName: string): string {
  const host = new URL(publicBaseUrl()).hostname;
  const events: EventAttributes[] = activities.map((activity) => {
    const url = absoluteUrl(`/activites/${activity.id}`);
    const description = [activity.description, activity.visioUrl ? `Visio : ${activity.visioUrl}` : "", url]
      .filter(Boolean)
      .join("\n\n");
    return {
      uid: `activity-${activity.id}@${host}`,
      start: activity.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: activity.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: activity.title,
      description,
      location: activity.place || (activity.visioUrl ? "Visio" : undefined),
      url,
      status: activity.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
      organizer: { name: activity.hostName },
      lastModified: activity.updatedAt.getTime(),
    };
  });
  const { error, value } = createEvents(events, { productId: "propulse/communaute", calName: calendarName });
  if (error || !value) throw new AppError("internal", "errors.internal", { cause: error });
  return value;
}

/** One activity as a file to add to a calendar (the reader's own view of it). */
export async function activityIcs(ctx: ServiceContext, id: number): Promise<string> {
  const { activity } = await getActivityPage(ctx, id);
  return toIcs([activity], activity.title);
}

const hashFeedToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The member's calendar: what they host or answered, from a week ago on. Null for an unknown token. */
export async function calendarFeedIcs(ctx: Omit<ServiceContext, "actor">, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const owner: Actor = await findCalendarFeedOwner(ctx.db, { tokenHash: hashFeedToken(token) });
  if (!owner || !canViewActivities(owner)) return null;
  const rows = await listActivitiesOfMember(ctx.db, {
    userId: owner.id,
    from: new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000),
    limit: 200,
  });
  const events = rows.map((row) => ({
    ...row,
    visioUrl: canSeeActivityAccess(owner, row, row.myResponse) ? row.visioUrl : null,
  }));
  return toIcs(events, "Pro'pulse — mes activités");
}

/** Creates (or replaces, revoking the old one) the member's feed; the token is shown once. */
export async function createMyCalendarFeed({ db, actor }: ServiceContext): Promise<string> {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  const token = randomBytes(24).toString("base64url");
  await replaceCalendarFeed(db, { userId: actor.id, tokenHash: hashFeedToken(token) });
  return calendarFeedUrl(token);
}

export async function revokeMyCalendarFeed({ db, actor }: ServiceContext): Promise<void> {
  if (!canViewActivities(actor)) throw new AppError("unauthenticated");
  await deleteCalendarFeed(db, { userId: actor.id });
}

export async function hasMyCalendarFeed({ db, actor }: ServiceContext): Promise<boolean> {
  return canViewActivities(actor) ? hasCalendarFeed(db, { userId: actor.id }) : false;
}

/** `webcal://` makes calendar apps offer to subscribe rather than download once. */
export function calendarFeedUrl(token: string): string {
  return absoluteUrl(`/calendrier/${token}.ics`).replace(/^https?:/, "webcal:");
}
