import "server-only";
import { getSettings, setSetting } from "@/db/queries/settings";
import type { DbOrTx } from "@/db";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canConfigureRhythm } from "@/lib/permissions";
import {
  DEFAULT_CHECKIN_DAY,
  DEFAULT_CHECKIN_QUESTIONS,
  type CheckinQuestions,
  type IsoWeekday,
} from "@/lib/domain/rhythm";

export const CHECKIN_SETTINGS_KEY = "checkin";

/** `nudgeMessage`: the facilitators' own words in the e-mail to members who went quiet ('' = the default text). */
export type CheckinSettings = { day: IsoWeekday; questions: CheckinQuestions; nudgeMessage: string };

/** The facilitators' check-in settings; missing or malformed parts fall back to the defaults. */
export async function getCheckinSettings(db: DbOrTx = getDb()): Promise<CheckinSettings> {
  return parseCheckinSettings((await getSettings(db, { keys: [CHECKIN_SETTINGS_KEY] })).get(CHECKIN_SETTINGS_KEY));
}

/** The stored value of `CHECKIN_SETTINGS_KEY` (for callers batching their settings), defaults filled in. */
export function parseCheckinSettings(value: unknown): CheckinSettings {
  const stored = value as Partial<CheckinSettings> | undefined;
  const day = Number(stored?.day);
  const questions = { ...DEFAULT_CHECKIN_QUESTIONS };
  for (const key of Object.keys(questions) as (keyof CheckinQuestions)[]) {
    const value = stored?.questions?.[key];
    if (typeof value === "string" && value.trim()) questions[key] = value;
  }
  return {
    day: day >= 1 && day <= 7 ? (day as IsoWeekday) : DEFAULT_CHECKIN_DAY,
    questions,
    nudgeMessage: typeof stored?.nudgeMessage === "string" ? stored.nudgeMessage : "",
  };
}

/** Weeks already opened keep their questions: a change applies from the next week. */
export async function saveCheckinSettings(db: DbOrTx, value: CheckinSettings): Promise<void> {
  await setSetting(db, { key: CHECKIN_SETTINGS_KEY, value });
}

/** A facilitator chooses the check-in day and edits the questions. */
export async function updateCheckinSettings({ db, actor }: ServiceContext, value: CheckinSettings): Promise<void> {
  if (!canConfigureRhythm(actor)) throw new AppError("forbidden");
  await saveCheckinSettings(db, value);
}
