import "server-only";
import { getChannelBySlug } from "@/db/queries/channels";
import {
  ensureCheckinWeek,
  getCheckinWeek,
  insertCheckin,
  listCheckinsOf,
  listCheckinWeekStarts,
  setCheckinWeekThread,
} from "@/db/queries/checkins";
import { getThreadWithChannel } from "@/db/queries/threads";
import { findProgrammeVoiceId, getUserById } from "@/db/queries/users";
import type { DbOrTx } from "@/db";
import type { Checkin, CheckinWeek } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { addDays, checkinStreak, checkinWeekOf, type CheckinQuestions, type GoalReview } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { publishReply, publishThread } from "@/lib/forum/publish";
import { canCheckIn, canReadCheckinHistory, type Actor } from "@/lib/permissions";
import { threadPath } from "@/lib/slug";
import type { CheckinInput } from "@/lib/validation/rhythm";
import { getCheckinSettings } from "./config";
import { checkinDocument, weeklyThreadDocument, weeklyThreadTitle } from "./checkin-text";

/** The check-ins' channel, created by the migrations. */
export const CHECKIN_CHANNEL_SLUG = "cafe";

export type { Checkin };

export type MyCheckinState = {
  weekStart: string;
  questions: CheckinQuestions;
  /** This week's check-in, when done. */
  current: Checkin | null;
  /** The goals to review: those of the member's latest earlier check-in. */
  previousGoals: string[];
  streak: number;
  threadPath: string | null;
};

/** Where the member stands this week: the form's questions, last week's goals, the gentle streak. */
export async function getMyCheckinState({ db, actor }: ServiceContext, now = new Date()): Promise<MyCheckinState> {
  if (!canCheckIn(actor)) throw new AppError("unauthenticated");
  const settings = await getCheckinSettings(db);
  const weekStart = checkinWeekOf(now, settings.day);
  const [week, recent] = await Promise.all([
    getCheckinWeek(db, { weekStart }),
    listCheckinsOf(db, { userId: actor.id, limit: 2 }),
  ]);
  const current = recent.find((row) => row.weekStart === weekStart)?.checkin ?? null;
  const previous = recent.find((row) => row.weekStart < weekStart);
  const weeks = await listCheckinWeekStarts(db, { userId: actor.id, limit: 60 });
  return {
    weekStart,
    questions: week?.questions ?? settings.questions,
    current,
    previousGoals: previous?.checkin.goals ?? [],
    streak: checkinStreak(weeks, weekStart),
    threadPath: week?.threadId ? await weeklyThreadPath(db, week.threadId) : null,
  };
}

async function weeklyThreadPath(db: DbOrTx, threadId: number): Promise<string | null> {
  const found = await getThreadWithChannel(db, { threadId });
  return found && !found.thread.deletedAt ? threadPath(found.channel.slug, found.thread) : null;
}

/**
 * Posts the member's check-in of this week: stored, and (unless staff-only) published as their
 * reply in the week's thread through the publishing pipeline — reactions, replies, notifications
 * and live updates work as on any post. A retried submission publishes nothing twice.
 */
export async function submitCheckin(
  ctx: ServiceContext,
  input: CheckinInput,
  now = new Date(),
): Promise<{ checkin: Checkin; path: string | null }> {
  const { db, actor } = ctx;
  if (!canCheckIn(actor)) throw new AppError("unauthenticated");
  const state = await getMyCheckinState(ctx, now);
  if (state.current) throw new AppError("conflict", "checkin.errors.alreadyDone");
  const week = await ensureCheckinWeek(db, { weekStart: state.weekStart, questions: state.questions });
  const review: GoalReview[] = state.previousGoals.flatMap((goal, index) => {
    const outcome = input.outcomes[index];
    return outcome ? [{ goal, outcome }] : [];
  });
  const values = { goals: input.goals, review, goodNews: input.goodNews, difficulty: input.difficulty };
  let postId: number | null = null;
  let path: string | null = null;
  if (!input.staffOnly) {
    const weekly = await ensureWeeklyThread(db, week, actor);
    const published = await publishReply(
      { db, actor },
      {
        ...weekly,
        body: checkinDocument(week.questions, { ...values, helpWanted: input.helpWanted }),
        idempotencyKey: `checkin:${week.weekStart}`,
      },
    );
    postId = published.post.id;
    path = `${threadPath(weekly.channel.slug, weekly.thread)}?post=${published.post.number}#p${published.post.number}`;
  }
  const checkin = await insertCheckin(db, {
    weekId: week.id,
    userId: actor.id,
    ...values,
    helpWanted: input.helpWanted,
    staffOnly: input.staffOnly,
    postId,
  });
  if (!checkin) throw new AppError("conflict", "checkin.errors.alreadyDone");
  return { checkin, path };
}

/**
 * The week's thread in the check-ins' channel, opened by the first check-in of the week. It is
 * written by the programme's voice (the longest-standing facilitator) under a key naming the
 * week, so two members checking in at the same instant open one thread, not two.
 */
async function ensureWeeklyThread(db: DbOrTx, week: CheckinWeek, actor: NonNullable<Actor>) {
  if (week.threadId) {
    const found = await getThreadWithChannel(db, { threadId: week.threadId });
    if (found && !found.thread.deletedAt) return found;
  }
  const channel = await getChannelBySlug(db, { slug: CHECKIN_CHANNEL_SLUG });
  if (!channel) throw new AppError("not_found");
  const voiceId = await findProgrammeVoiceId(db);
  const voice = voiceId ? await getUserById(db, { id: voiceId }) : null;
  const author = voice ? { id: voice.id, role: voice.role, status: voice.status } : actor;
  const { thread } = await publishThread(
    { db, actor: author },
    {
      channel,
      title: weeklyThreadTitle(week.weekStart),
      body: weeklyThreadDocument(week.questions, addDays(week.weekStart, 6)),
      idempotencyKey: `checkin-week:${week.weekStart}`,
    },
  );
  await setCheckinWeekThread(db, { weekId: week.id, threadId: thread.id });
  return { thread, channel };
}

export type CheckinHistoryItem = {
  weekStart: string;
  checkin: Checkin;
  /** The check-in's post in its week's thread. */
  postPath: string | null;
};

/** A member's check-ins week by week, newest first: their own page, or a facilitator following them. */
export async function listCheckinHistory(
  { db, actor }: ServiceContext,
  params: { userId: string; before?: string; limit?: number },
): Promise<{ items: CheckinHistoryItem[]; nextBefore: string | null }> {
  if (!canReadCheckinHistory(actor, params.userId)) throw new AppError("forbidden");
  const limit = params.limit ?? 12;
  const rows = await listCheckinsOf(db, { userId: params.userId, before: params.before, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      weekStart: row.weekStart,
      checkin: row.checkin,
      postPath:
        row.thread && row.channelSlug && !row.thread.deletedAt && row.postNumber
          ? `${threadPath(row.channelSlug, row.thread)}?post=${row.postNumber}#p${row.postNumber}`
          : null,
    })),
    nextBefore: rows.length > limit ? (page.at(-1)?.weekStart ?? null) : null,
  };
}
