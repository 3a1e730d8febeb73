import "server-only";
import { z } from "zod";
import {
  activityKinds,
  attendanceValues,
  goalOutcomes,
  MAX_GOALS,
  rsvpResponses,
  utcToZonedTime,
  zonedTimeToUtc,
} from "@/lib/domain/rhythm";
import { cleanString, visibleLine } from "./text";
import { blankToNull, httpUrl } from "./offers";

const shortText = (max: number, tooLong: string) => cleanString().pipe(z.string().trim().max(max, tooLong));
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

/**
 * The check-in form: up to three goal fields (empty ones dropped, at least one kept), an outcome
 * per goal of last week (`review.0`…), and three optional short answers.
 */
export const checkinSchema = z
  .object({
    goal0: shortText(200, "checkin.errors.goalTooLong").default(""),
    goal1: shortText(200, "checkin.errors.goalTooLong").default(""),
    goal2: shortText(200, "checkin.errors.goalTooLong").default(""),
    review0: z.enum(goalOutcomes).optional(),
    review1: z.enum(goalOutcomes).optional(),
    review2: z.enum(goalOutcomes).optional(),
    goodNews: shortText(500, "checkin.errors.answerTooLong").default(""),
    difficulty: shortText(500, "checkin.errors.answerTooLong").default(""),
    helpWanted: shortText(300, "checkin.errors.answerTooLong").default(""),
    staffOnly: checkbox,
  })
  .transform((input, ctx) => {
    const goals = [input.goal0, input.goal1, input.goal2].filter(Boolean).slice(0, MAX_GOALS);
    if (!goals.length) {
      ctx.addIssue({ code: "custom", path: ["goal0"], message: "checkin.errors.goalRequired" });
      return z.NEVER;
    }
    return {
      goals,
      outcomes: [input.review0, input.review1, input.review2],
      goodNews: input.goodNews,
      difficulty: input.difficulty,
      helpWanted: input.helpWanted,
      staffOnly: input.staffOnly,
    };
  });
export type CheckinInput = z.output<typeof checkinSchema>;

const capacityError = "activities.errors.capacityInvalid";

/** A wall-clock time typed in a `datetime-local` field, read in Paris time. */
const parisDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "activities.errors.dateInvalid")
  .transform((value, ctx) => {
    const instant = zonedTimeToUtc(value);
    // An impossible date (30 February, 25:99) would roll over to another day: refuse it.
    if (Number.isNaN(instant.getTime()) || utcToZonedTime(instant).slice(0, 10) !== value.slice(0, 10)) {
      ctx.addIssue({ code: "custom", message: "activities.errors.dateInvalid" });
      return z.NEVER;
    }
    return instant;
  });

export const activitySchema = z
  .object({
    title: visibleLine("activities.errors.titleRequired").pipe(
      z.string().min(3, "activities.errors.titleRequired").max(120, "activities.errors.titleTooLong"),
    ),
    kind: z.enum(activityKinds, { message: "activities.errors.kindInvalid" }),
    description: shortText(4000, "activities.errors.descriptionTooLong").default(""),
    startsAt: parisDateTime,
    endsAt: parisDateTime,
    place: shortText(200, "activities.errors.placeTooLong").default(""),
    visioUrl: z.preprocess(blankToNull, httpUrl("activities.errors.visioInvalid").nullable()),
    capacity: z.preprocess(
      (value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : blankToNull(value)),
      z.number({ error: capacityError }).int(capacityError).min(1, capacityError).max(500, capacityError).nullable(),
    ),
  })
  .superRefine((input, ctx) => {
    // Runs even when a field failed: compare only two valid dates.
    const bothDates = input.startsAt instanceof Date && input.endsAt instanceof Date;
    if (bothDates && input.endsAt.getTime() <= input.startsAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "activities.errors.endBeforeStart" });
    }
    if (!input.place && !input.visioUrl) {
      ctx.addIssue({ code: "custom", path: ["place"], message: "activities.errors.placeRequired" });
    }
  });
export type ActivityInput = z.output<typeof activitySchema>;

export const activityIdSchema = z.coerce.number().int().positive();

export const rsvpSchema = z.object({
  activityId: activityIdSchema,
  response: z.enum(rsvpResponses).exclude(["waitlisted"]),
});

export const attendanceSchema = z.object({
  activityId: activityIdSchema,
  userId: z.string().uuid(),
  attendance: z.enum(attendanceValues),
});

export const cancelActivitySchema = z.object({
  activityId: activityIdSchema,
  reason: shortText(500, "activities.errors.reasonTooLong").default(""),
});

export const decideActivitySchema = z.object({
  activityId: activityIdSchema,
  approve: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const recapSchema = z.object({
  activityId: activityIdSchema,
  recap: shortText(5000, "activities.errors.recapTooLong").pipe(z.string().min(1, "activities.errors.recapRequired")),
});

export const checkinSettingsSchema = z.object({
  day: z.coerce.number().int().min(1).max(7),
  goals: shortText(200, "checkin.errors.questionTooLong").pipe(z.string().min(1, "checkin.errors.questionRequired")),
  review: shortText(200, "checkin.errors.questionTooLong").pipe(z.string().min(1, "checkin.errors.questionRequired")),
  goodNews: shortText(200, "checkin.errors.questionTooLong").pipe(z.string().min(1, "checkin.errors.questionRequired")),
  difficulty: shortText(200, "checkin.errors.questionTooLong").pipe(
    z.string().min(1, "checkin.errors.questionRequired"),
  ),
  help: shortText(200, "checkin.errors.questionTooLong").pipe(z.string().min(1, "checkin.errors.questionRequired")),
  nudgeMessage: shortText(1000, "checkin.errors.nudgeTooLong").default(""),
});
