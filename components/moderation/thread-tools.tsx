"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { moveThreadAction, setThreadLockedAction, setThreadPinnedAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { translateKey } from "@/lib/i18n/translate-key";

type ThreadToolsProps = {
  threadId: number;
  isLocked: boolean;
  isPinned: boolean;
  moveTargets: { slug: string; name: string }[];
};

/** Facilitators' tools on a thread page: lock, pin, move. Each change is audited on the server. */
export function ThreadTools({ threadId, isLocked, isPinned, moveTargets }: ThreadToolsProps) {
  const t = useTranslations("moderation");
  const tRoot = useTranslations();
  const toast = useToast();
  const router = useRouter();
  const [target, setTarget] = useState(moveTargets[0]?.slug ?? "");
  const [isBusy, setIsBusy] = useState(false);

  const run = async <T,>(
    call: () => Promise<
      { ok: true; data: T } | { ok: false; error: string; errorValues?: Record<string, string | number> }
    >,
    done: string,
    then?: (data: T) => void,
  ) => {
    setIsBusy(true);
    const result = await call();
    setIsBusy(false);
    if (!result.ok) return toast.show(translateKey(tRoot, result.error, result.errorValues), "error");
    toast.show(done);
    if (then) then(result.data);
    else router.refresh();
  };

  return (
    <section
      aria-labelledby="thread-tools-heading"
      className="flex flex-col gap-3 rounded-xl border border-dashed border-brand/40 bg-brand-soft/40 px-4 py-3"
    >
      <h2 id="thread-tools-heading" className="text-sm font-bold">
        {t("tools")}
      </h2>
      <div className="flex flex-wrap items-end gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={isBusy}
          onClick={() =>
            void run(
              () => setThreadLockedAction({ threadId, value: !isLocked }),
              isLocked ? t("unlocked") : t("locked"),
            )
          }
        >
          {isLocked ? t("unlock") : t("lock")}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={isBusy}
          onClick={() =>
            void run(
              () => setThreadPinnedAction({ threadId, value: !isPinned }),
              isPinned ? t("unpinned") : t("pinned"),
            )
          }
        >
          {isPinned ? t("unpin") : t("pin")}
        </Button>
        {moveTargets.length > 0 ? (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void run(
                () => moveThreadAction({ threadId, channelSlug: target }),
                t("moved"),
                ({ path }) => router.push(path),
              );
            }}
          >
            <div className="flex flex-col gap-1">
              <label htmlFor="move-target" className="text-xs font-semibold">
                {t("moveLabel")}
              </label>
              <select
                id="move-target"
                value={target}
                onChange={(event) => setTarget(event.target.value)}
                className="min-h-9 rounded-lg border border-line bg-white px-2 text-sm pointer-coarse:min-h-11"
              >
                {moveTargets.map((channel) => (
                  <option key={channel.slug} value={channel.slug}>
                    {channel.name}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" size="sm" variant="secondary" disabled={isBusy}>
              {t("moveSubmit")}
            </Button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
