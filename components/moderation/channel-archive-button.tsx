"use client";

import { useTranslations } from "next-intl";
import { archiveChannelAction } from "@/lib/actions/moderation";
import { JsonActionButton } from "@/components/ui/json-action-button";

/** Archives a channel (after a confirmation) or restores an archived one. */
export function ChannelArchiveButton({ slug, name, isArchived }: { slug: string; name: string; isArchived: boolean }) {
  const t = useTranslations("moderation");
  return isArchived ? (
    <JsonActionButton
      run={() => archiveChannelAction({ slug, archived: false })}
      done={t("channelRestored", { name })}
      label={t("restoreChannelLabel", { name })}
    >
      {t("restoreChannel")}
    </JsonActionButton>
  ) : (
    <JsonActionButton
      run={() => archiveChannelAction({ slug, archived: true })}
      confirm={t("archiveChannelConfirm", { name })}
      done={t("channelArchived", { name })}
      label={t("archiveChannelLabel", { name })}
    >
      {t("archiveChannel")}
    </JsonActionButton>
  );
}
