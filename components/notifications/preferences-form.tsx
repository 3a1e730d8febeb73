"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { updateNotificationPreferencesAction } from "@/lib/actions/notifications";
import {
  digestFrequencies,
  emailModes,
  notificationTypes,
  type DeliveryPreferences,
  type DigestFrequency,
  type NotificationType,
} from "@/lib/domain/notifications";
import { translateKey } from "@/lib/i18n/translate-key";

/** Decisions on an account are always e-mailed (the member may not be able to sign in yet). */
const ALWAYS_EMAILED: ReadonlySet<NotificationType> = new Set(["decision"]);
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const EMAIL_LABELS = { now: "emailNow", digest: "emailDigest", off: "emailOff" } as const;
const DIGEST_LABELS = { weekly: "digestWeekly", daily: "digestDaily", never: "digestNever" } as const;

export type PreferencesValue = {
  delivery: DeliveryPreferences;
  digest: DigestFrequency;
  quietStart: number;
  quietEnd: number;
};

/**
 * Per type: the bell, this member's devices (push) and e-mail (at once, in the digest, never);
 * then the digest's frequency and quiet hours. Saved as a whole; a refused save keeps the form.
 */
export function PreferencesForm({ initial }: { initial: PreferencesValue }) {
  const t = useTranslations("notifications");
  const tRoot = useTranslations();
  const toast = useToast();
  const [value, setValue] = useState(initial);
  const [isPending, startTransition] = useTransition();

  const setDelivery = (type: NotificationType, change: Partial<DeliveryPreferences[NotificationType]>) =>
    setValue((current) => ({
      ...current,
      delivery: { ...current.delivery, [type]: { ...current.delivery[type], ...change } },
    }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateNotificationPreferencesAction(value);
      toast.show(
        result.ok ? t("preferences.saved") : translateKey(tRoot, result.error),
        result.ok ? "success" : "error",
      );
    });
  };

  // One row per type: a grid that is a table on wide screens and stacked cards on phones (no
  // sideways scrolling). Every control carries its full name ("E-mail : Quelqu'un me mentionne").
  const columns = "sm:grid-cols-[minmax(0,1fr)_5.5rem_7.5rem_11rem]";
  return (
    <form onSubmit={submit} className="flex flex-col gap-6">
      <div className="rounded-xl border border-line bg-white">
        <div aria-hidden="true" className={`hidden gap-3 bg-sand px-3 py-2 text-sm font-semibold sm:grid ${columns}`}>
          <span>{t("preferences.type")}</span>
          <span className="text-center">{t("preferences.bell")}</span>
          <span className="text-center">{t("preferences.push")}</span>
          <span>{t("preferences.email")}</span>
        </div>
        <ul className="divide-y divide-line">
          {notificationTypes.map((type) => {
            const delivery = value.delivery[type];
            const label = t(`types.${type}`);
            const checkbox = (field: "bell" | "push", name: string) => (
              <label className="flex min-h-11 items-center gap-2 sm:justify-center">
                <input
                  type="checkbox"
                  className="size-5 accent-brand"
                  aria-label={`${name} : ${label}`}
                  checked={delivery[field]}
                  onChange={(event) => setDelivery(type, { [field]: event.target.checked })}
                />
                <span className="sm:sr-only">{name}</span>
              </label>
            );
            return (
              <li key={type} className={`grid grid-cols-2 items-center gap-x-3 gap-y-1 px-3 py-3 text-sm ${columns}`}>
                <span className="col-span-2 font-semibold sm:col-span-1 sm:font-medium">{label}</span>
                {checkbox("bell", t("preferences.bell"))}
                {checkbox("push", t("preferences.push"))}
                <div className="col-span-2 sm:col-span-1">
                  {ALWAYS_EMAILED.has(type) ? (
                    <span className="text-muted">
                      <span className="sm:sr-only">{t("preferences.email")} : </span>
                      {t("preferences.emailAlways")}
                    </span>
                  ) : (
                    <label className="flex items-center gap-2">
                      <span className="sm:sr-only">{t("preferences.email")}</span>
                      <select
                        aria-label={`${t("preferences.email")} : ${label}`}
                        value={delivery.email}
                        onChange={(event) =>
                          setDelivery(type, {
                            email: event.target.value as DeliveryPreferences[NotificationType]["email"],
                          })
                        }
                        className="min-h-11 w-full rounded-lg border border-line bg-white px-2 text-ink"
                      >
                        {emailModes.map((mode) => (
                          <option key={mode} value={mode}>
                            {t(`preferences.${EMAIL_LABELS[mode]}`)}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </div>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-bold">{t("preferences.digest")}</legend>
        {digestFrequencies.map((frequency) => (
          <label key={frequency} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="digest"
              className="size-5 accent-brand"
              checked={value.digest === frequency}
              onChange={() => setValue((current) => ({ ...current, digest: frequency }))}
            />
            {t(`preferences.${DIGEST_LABELS[frequency]}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 font-bold">{t("preferences.quietHours")}</legend>
        <p className="text-sm text-muted">{t("preferences.quietHoursHint")}</p>
        <div className="flex flex-wrap items-center gap-3">
          {(["quietStart", "quietEnd"] as const).map((field) => (
            <label key={field} className="flex items-center gap-2">
              {t(`preferences.${field}`)}
              <select
                value={value[field]}
                onChange={(event) => setValue((current) => ({ ...current, [field]: Number(event.target.value) }))}
                className="min-h-11 rounded-lg border border-line bg-white px-2 text-ink"
              >
                {HOURS.map((hour) => (
                  <option key={hour} value={hour}>
                    {t("preferences.hour", { hour })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>

      <div>
        <Button type="submit" disabled={isPending}>
          {t("preferences.save")}
        </Button>
      </div>
    </form>
  );
}
