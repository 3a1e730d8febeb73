"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { useToast } from "@/components/ui/toast";
import type { FollowLevel } from "@/lib/domain/notifications";
import { followChannelAction, followThreadAction } from "@/lib/actions/notifications";
import { translateKey } from "@/lib/i18n/translate-key";

const LEVELS: FollowLevel[] = ["watching", "normal", "muted"];

/**
 * The follow level of a thread or a channel (Discourse's Suivi / Normal / Silencieux): a labelled
 * select that saves on change, with what the chosen level means spelled out below it.
 */
export function FollowControl(props: { initialLevel: FollowLevel } & ({ threadId: number } | { channelSlug: string })) {
  const t = useTranslations("notifications.follow");
  const tRoot = useTranslations();
  const toast = useToast();
  const id = useId();
  const [level, setLevel] = useState(props.initialLevel);
  const [isPending, startTransition] = useTransition();
  const isChannel = "channelSlug" in props;
  const hint = (value: FollowLevel) =>
    isChannel && value !== "muted"
      ? t(value === "watching" ? "channelWatchingHint" : "channelNormalHint")
      : t(`${value}Hint`);

  const change = (next: FollowLevel) => {
    const previous = level;
    setLevel(next);
    startTransition(async () => {
      const result =
        "channelSlug" in props
          ? await followChannelAction({ channelSlug: props.channelSlug, level: next })
          : await followThreadAction({ threadId: props.threadId, level: next });
      if (!result.ok) {
        setLevel(previous);
        toast.show(translateKey(tRoot, result.error), "error");
      } else toast.show(t("saved"));
    });
  };

  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id} className="font-semibold">
        {isChannel ? t("channelLabel") : t("label")}
      </label>
      <select
        id={id}
        value={level}
        disabled={isPending}
        aria-describedby={`${id}-hint`}
        onChange={(event) => change(event.target.value as FollowLevel)}
        className="min-h-11 rounded-lg border border-line bg-white px-3 text-ink"
      >
        {LEVELS.map((value) => (
          <option key={value} value={value}>
            {t(value)}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-muted">
        {hint(level)}
      </p>
    </div>
  );
}
