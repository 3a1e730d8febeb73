"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/moderation/action-form";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import {
  cancelActivityAction,
  createCalendarFeedAction,
  decideActivityAction,
  postRecapAction,
  recordAttendanceAction,
  respondToActivityAction,
  revokeCalendarFeedAction,
} from "@/lib/actions/rhythm";
import type { Attendance, RsvpResponse } from "@/lib/domain/rhythm";

const CHOICES = ["going", "maybe", "declined"] as const;

/** Oui / peut-être / non: the current answer is pressed; a full activity puts a "oui" on the waiting list. */
export function RsvpButtons({ activityId, current }: { activityId: number; current: RsvpResponse | null }) {
  const t = useTranslations("activities");
  const pressed = current === "waitlisted" ? "going" : current;
  return (
    <div role="group" aria-label={t("rsvp.label")} className="flex flex-wrap gap-2">
      {CHOICES.map((response) => (
        <ActionForm
          key={response}
          action={respondToActivityAction}
          successMessage={(data) => t(`rsvp.saved.${data.response}`)}
        >
          {({ isPending }) => (
            <>
              <input type="hidden" name="activityId" value={activityId} />
              <input type="hidden" name="response" value={response} />
              <Button
                type="submit"
                variant={pressed === response ? "primary" : "secondary"}
                aria-pressed={pressed === response}
                disabled={isPending}
              >
                {t(`rsvp.${response}`)}
              </Button>
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function DecisionButtons({ activityId }: { activityId: number }) {
  const t = useTranslations("activities");
  return (
    <div className="flex flex-wrap gap-2">
      {(["true", "false"] as const).map((approve) => (
        <ActionForm
          key={approve}
          action={decideActivityAction}
          successMessage={t(approve === "true" ? "approved" : "rejected")}
        >
          {({ isPending }) => (
            <>
              <input type="hidden" name="activityId" value={activityId} />
              <input type="hidden" name="approve" value={approve} />
              <Button type="submit" variant={approve === "true" ? "primary" : "secondary"} disabled={isPending}>
                {t(approve === "true" ? "approve" : "reject")}
              </Button>
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function CancelActivityForm({ activityId }: { activityId: number }) {
  const t = useTranslations("activities");
  return (
    <ActionForm action={cancelActivityAction} successMessage={t("cancelled")} className="flex flex-col gap-3">
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <input type="hidden" name="activityId" value={activityId} />
          <TextField
            id="reason"
            label={t("cancelReason")}
            defaultValue={valueOf("reason") ?? ""}
            errors={errorsFor("reason")}
          />
          <Button type="submit" variant="danger" disabled={isPending} className="self-start">
            {t("cancel")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

export function AttendanceButtons({
  activityId,
  userId,
  name,
  current,
}: {
  activityId: number;
  userId: string;
  name: string;
  current: Attendance | null;
}) {
  const t = useTranslations("activities");
  return (
    <div role="group" aria-label={t("attendance.label", { name })} className="flex gap-2">
      {(["present", "absent"] as const).map((attendance) => (
        <ActionForm key={attendance} action={recordAttendanceAction}>
          {({ isPending }) => (
            <>
              <input type="hidden" name="activityId" value={activityId} />
              <input type="hidden" name="userId" value={userId} />
              <input type="hidden" name="attendance" value={attendance} />
              <Button
                type="submit"
                size="sm"
                variant={current === attendance ? "primary" : "secondary"}
                aria-pressed={current === attendance}
                disabled={isPending}
              >
                {t(`attendance.${attendance}`)}
              </Button>
            </>
          )}
        </ActionForm>
      ))}
    </div>
  );
}

export function RecapForm({ activityId }: { activityId: number }) {
  const t = useTranslations("activities");
  return (
    <ActionForm action={postRecapAction} successMessage={t("recapPosted")} className="flex flex-col gap-3">
      {({ errorsFor, valueOf, isPending, data }) => (
        <>
          <input type="hidden" name="activityId" value={activityId} />
          <TextAreaField
            id="recap"
            label={t("recap")}
            hint={t("recapHint")}
            defaultValue={valueOf("recap") ?? ""}
            errors={errorsFor("recap")}
          />
          <Button type="submit" disabled={isPending} className="self-start">
            {t("postRecap")}
          </Button>
          {data?.path ? (
            <a href={data.path} className="font-semibold text-teal underline">
              {t("seeRecap")}
            </a>
          ) : null}
        </>
      )}
    </ActionForm>
  );
}

/** The private calendar feed: the address is shown once, right after it is made; a new one revokes the old. */
export function CalendarFeedControl({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("activities");
  return (
    <div className="flex flex-col gap-3">
      <ActionForm action={createCalendarFeedAction} className="flex flex-col gap-2">
        {({ isPending, data }) =>
          data?.url ? (
            <>
              <label htmlFor="calendar-feed-url" className="text-sm font-semibold">
                {t("feed.urlLabel")}
              </label>
              <input
                id="calendar-feed-url"
                readOnly
                value={data.url}
                onFocus={(event) => event.currentTarget.select()}
                className="w-full rounded-lg border border-line bg-white px-3 py-2 font-mono text-sm"
              />
              <p className="text-sm text-muted">{t("feed.shownOnce")}</p>
              <a href={data.url} className="font-semibold text-teal underline">
                {t("feed.subscribe")}
              </a>
            </>
          ) : (
            <Button type="submit" variant="secondary" disabled={isPending} className="self-start">
              {hasFeed ? t("feed.renew") : t("feed.create")}
            </Button>
          )
        }
      </ActionForm>
      {hasFeed ? (
        <ActionForm action={revokeCalendarFeedAction} successMessage={t("feed.revoked")}>
          {({ isPending }) => (
            <Button type="submit" variant="ghost" size="sm" disabled={isPending}>
              {t("feed.revoke")}
            </Button>
          )}
        </ActionForm>
      ) : null}
    </div>
  );
}
