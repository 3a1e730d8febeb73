import "server-only";
import { readMyWeek, type MyWeekRow } from "@/db/queries/my-week";
import type { ServiceContext } from "@/lib/context";
import { checkinStreak, checkinWeekOf } from "@/lib/domain/rhythm";
import { AppError } from "@/lib/errors";
import { canModerate, isActiveMember } from "@/lib/permissions";
import { getSettings } from "@/db/queries/settings";
import { SECTION_SETTING_KEYS, sectionsFrom } from "@/lib/programme/sections";
import { CHECKIN_SETTINGS_KEY, parseCheckinSettings } from "./config";

export type { ThreadRef } from "@/db/queries/my-week";

export type OnboardingStep = { id: "profile" | "introduce" | "checkin" | "review" | "activity"; done: boolean };

export type MyWeek = Omit<MyWeekRow, "checkinWeeks" | "onboarding"> & {
  weekStart: string;
  streak: number;
  /** Null once every step is done: the checklist leaves the home page. */
  onboarding: { steps: OnboardingStep[]; welcomeMessage: string | null } | null;
};

/**
 * "Ma semaine": what the signed-in member should do now, in two queries (settings, then the
 * rest). The onboarding steps are the programme's (lib/programme: which ones, in which order).
 */
export async function getMyWeek({ db, actor }: ServiceContext, now = new Date()): Promise<MyWeek> {
  if (!isActiveMember(actor)) throw new AppError("unauthenticated");
  const stored = await getSettings(db, { keys: [CHECKIN_SETTINGS_KEY, ...SECTION_SETTING_KEYS] });
  const { day } = parseCheckinSettings(stored.get(CHECKIN_SETTINGS_KEY));
  const weekStart = checkinWeekOf(now, day);
  const { checkinWeeks, onboarding, ...row } = await readMyWeek(db, {
    userId: actor.id,
    isStaff: canModerate(actor),
    weekStart,
    now,
  });
  const done: Record<OnboardingStep["id"], boolean> = {
    profile: onboarding.profileDone,
    introduce: onboarding.introduced,
    checkin: onboarding.checkedInOnce,
    review: onboarding.reviewed,
    activity: onboarding.joinedActivity,
  };
  const steps: OnboardingStep[] = sectionsFrom(stored).onboarding.steps.map((step) => ({
    id: step.id,
    done: done[step.id],
  }));
  return {
    ...row,
    weekStart,
    streak: checkinStreak(checkinWeeks, weekStart),
    onboarding: steps.every((step) => step.done) ? null : { steps, welcomeMessage: onboarding.welcomeMessage },
  };
}
