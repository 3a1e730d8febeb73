"use client";

import { useTranslations } from "next-intl";
import { updateChannelAction } from "@/lib/actions/moderation";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm } from "./action-form";

type ChannelFormProps = {
  channel: {
    slug: string;
    name: string;
    nameEn: string | null;
    description: string;
    rules: string;
    watchedByDefault: boolean;
  };
};

export function ChannelForm({ channel }: ChannelFormProps) {
  const t = useTranslations("moderation");
  return (
    <ActionForm
      action={updateChannelAction}
      successMessage={(data: { name: string }) => t("channelSaved", { name: data.name })}
      className="flex flex-col gap-3"
      ariaLabel={t("editChannel", { name: channel.name })}
    >
      {({ errorsFor, valueOf, isPending }) => (
        <>
          <input type="hidden" name="slug" value={channel.slug} />
          <TextField
            id={`name-${channel.slug}`}
            name="name"
            label={t("channelName")}
            required
            maxLength={60}
            defaultValue={valueOf("name") ?? channel.name}
            errors={errorsFor("name")}
          />
          <TextField
            id={`name-en-${channel.slug}`}
            name="nameEn"
            label={t("channelNameEn")}
            hint={t("channelNameEnHint")}
            maxLength={60}
            lang="en"
            defaultValue={valueOf("nameEn") ?? channel.nameEn ?? ""}
            errors={errorsFor("nameEn")}
          />
          <TextAreaField
            id={`description-${channel.slug}`}
            name="description"
            label={t("channelDescription")}
            maxLength={300}
            className="min-h-20"
            defaultValue={valueOf("description") ?? channel.description}
            errors={errorsFor("description")}
          />
          <TextAreaField
            id={`rules-${channel.slug}`}
            name="rules"
            label={t("channelRules")}
            maxLength={2000}
            defaultValue={valueOf("rules") ?? channel.rules}
            errors={errorsFor("rules")}
          />
          <label className="flex min-h-11 items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="watchedByDefault"
              className="mt-0.5 size-5 accent-brand"
              defaultChecked={
                valueOf("watchedByDefault") ? valueOf("watchedByDefault") === "on" : channel.watchedByDefault
              }
            />
            <span>
              <span className="font-semibold">{t("channelWatchedByDefault")}</span>
              <span className="block text-muted">{t("channelWatchedByDefaultHint")}</span>
            </span>
          </label>
          <Button type="submit" disabled={isPending} className="self-start">
            {t("saveChannel")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
