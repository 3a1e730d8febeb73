import "server-only";
import { readMyWeek, type MyWeekRow } from "@/db/queries/my-week";
import type { ServiceContext } from "@/lib/context";
import { checkinStreak, checkinWeekOf } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { canModerate, isActiveMember } from "@/lib/permissions";
import { getCheckinSettings } from "./config";

export type { ThreadRef } from "@/db/queries/my-week";

export type OnboardingStep = { id: "profile" | "introduce" | "checkin" | "review" | "activity"; done: boolean };

export type MyWeek = Omit<MyWeekRow, "checkinWeeks" | "onboarding"> & {
  weekStart: string;
  streak: number;
  /** Null once every step is done: the checklist leaves the home page. */
  onboarding: { steps: OnboardingStep[]; welcomeMessage: string | null } | null;
};

/** "Ma semaine": what the signed-in member should do now, in two queries (settings, then the rest). */
export async function getMyWeek({ db, actor }: ServiceContext, now = new Date()): Promise<MyWeek> {
  if (!isActiveMember(actor)) throw new AppError("unauthenticated");
  const { day } = await getCheckinSettings(db);
  const weekStart = checkinWeekOf(now, day);
  const { checkinWeeks, onboarding, ...row } = await readMyWeek(db, {
    userId: actor.id,
    isStaff: canModerate(actor),
    weekStart,
    now,
  });
  const steps: OnboardingStep[] = [
    { id: "profile", done: onboarding.profileDone },
    { id: "introduce", done: onboarding.introduced },
    { id: "checkin", done: onboarding.checkedInOnce },
    { id: "review", done: onboarding.reviewed },
    { id: "activity", done: onboarding.joinedActivity },
  ];
  return {
    ...row,
    weekStart,
    streak: checkinStreak(checkinWeeks, weekStart),
    onboarding: steps.every((step) => step.done) ? null : { steps, welcomeMessage: onboarding.welcomeMessage },
  };
}
