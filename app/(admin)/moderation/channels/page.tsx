import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChannelForm } from "@/components/moderation/channel-form";
import { ChannelArchiveButton } from "@/components/moderation/channel-archive-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { listChannelsForStaff } from "@/lib/moderation/service";
import { canEditChannel } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("channels") };
}

/** Names, descriptions and rules of the channels (a handful: no pagination needed). */
export default async function ChannelsPage() {
  const user = await getCurrentUser();
  if (!canEditChannel(user)) notFound();
  const [channels, t] = await Promise.all([listChannelsForStaff(contextFor(user)), getTranslations("moderation")]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-extrabold">{t("channelsTitle")}</h1>
      {channels.map((channel) => (
        <Card key={channel.id} className="flex flex-col gap-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h2 className="min-w-0 text-lg font-bold break-words">
              <Link href={`/c/${channel.slug}`} className="text-ink hover:underline">
                {channel.name}
              </Link>{" "}
              <span className="text-sm font-normal text-muted">/c/{channel.slug}</span>{" "}
              {channel.archivedAt ? <Badge>{t("channelArchivedBadge")}</Badge> : null}
            </h2>
            <ChannelArchiveButton slug={channel.slug} name={channel.name} isArchived={channel.archivedAt !== null} />
          </div>
          {channel.archivedAt ? <p className="text-sm text-muted">{t("channelArchivedHint")}</p> : null}
          <ChannelForm
            channel={{
              slug: channel.slug,
              name: channel.name,
              nameEn: channel.nameEn,
              description: channel.description,
              rules: channel.rules,
              watchedByDefault: channel.watchedByDefault,
            }}
          />
        </Card>
      ))}
    </div>
  );
}
