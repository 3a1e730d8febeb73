import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RoleBadge } from "@/components/profile/role-badge";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getProfile } from "@/lib/profile/service";
import { contextFor } from "@/lib/context";
import { contactOptions } from "@/lib/messages/service";
import { BlockButton } from "@/components/messages/block-button";
import { canUseMessages } from "@/lib/permissions/conversations";
import { getCurrentUser } from "@/lib/auth/session";
import { canEditProfile, canViewProfiles } from "@/lib/permissions";
import { isUuid } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

async function loadProfile(id: string) {
  const viewer = await getCurrentUser();
  // Profiles are for members: visitors and unknown ids get the same 404.
  if (!isUuid(id) || !canViewProfiles(viewer)) return null;
  const profile = await getProfile(id);
  return profile ? { profile, viewer } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadProfile((await params).id);
  return { title: loaded?.profile.name ?? "404", robots: { index: false } };
}

export default async function ProfilePage({ params }: Props) {
  const loaded = await loadProfile((await params).id);
  if (!loaded) notFound();
  const { profile, viewer } = loaded;
  const t = await getTranslations("profile");
  const tMessages = await getTranslations("messages");
  const format = await getFormatter();
  const contact =
    canUseMessages(viewer) && viewer.id !== profile.id
      ? (await contactOptions(contextFor(viewer), { userIds: [profile.id] }))[0]
      : undefined;
  return (
    <Card className="mx-auto flex max-w-2xl flex-col gap-5">
      <div className="flex items-center gap-4">
        <Avatar name={profile.name} seed={profile.id} size="lg" />
        <div className="min-w-0">
          <h1 className="text-2xl font-extrabold break-words">{profile.name}</h1>
          {profile.headline ? <p className="text-muted">{profile.headline}</p> : null}
          <div className="mt-1 flex flex-wrap gap-2">
            <RoleBadge role={profile.role} organisation={profile.organisation} />
          </div>
        </div>
      </div>
      {profile.bio ? <p className="whitespace-pre-line">{profile.bio}</p> : <p className="text-muted">{t("noBio")}</p>}
      {profile.role === "pro" && (profile.organisation || profile.expertise.length > 0) ? (
        <dl className="grid gap-3 sm:grid-cols-2">
          {profile.organisation ? (
            <div>
              <dt className="text-sm font-semibold text-muted">{t("organisation")}</dt>
              <dd>{profile.organisation}</dd>
            </div>
          ) : null}
          {profile.expertise.length > 0 ? (
            <div>
              <dt className="text-sm font-semibold text-muted">{t("expertise")}</dt>
              <dd className="mt-1 flex flex-wrap gap-1.5">
                {profile.expertise.map((field) => (
                  <Badge key={field} tone="teal">
                    {field}
                  </Badge>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <p className="text-sm text-muted">
        {t("memberSince", { date: format.dateTime(profile.createdAt, { month: "long", year: "numeric" }) })}
      </p>
      {contact ? (
        <div className="flex flex-col gap-1">
          {contact.canWrite ? (
            <ButtonLink href={`/messages/new?to=${profile.id}`} className="self-start">
              {tMessages("writeTo", { name: profile.name })}
            </ButtonLink>
          ) : (
            <p className="text-sm text-muted">
              {contact.isBlockedByMe
                ? tMessages("blockedNotice", { name: profile.name })
                : tMessages("closed", { name: profile.name })}
            </p>
          )}
          <div>
            <BlockButton userId={profile.id} name={profile.name} isBlocked={contact.isBlockedByMe} />
          </div>
          {contact.canWrite && contact.availabilityNote ? (
            <p className="text-sm text-muted">
              {tMessages("availability", { name: profile.name, note: contact.availabilityNote })}
            </p>
          ) : null}
        </div>
      ) : null}
      {canEditProfile(viewer, profile.id) ? (
        <ButtonLink href="/settings/profile" variant="secondary" className="self-start">
          {t("edit")}
        </ButtonLink>
      ) : null}
    </Card>
  );
}
