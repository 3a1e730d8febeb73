import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InvitationForm } from "@/components/moderation/invitation-form";
import { RevokeInvitation } from "@/components/moderation/revoke-invitation";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Card } from "@/components/ui/card";
import { listInvitationLinks } from "@/lib/admission/service";
import { getCurrentUser } from "@/lib/auth/session";
import { canManageInvitations } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation.nav"))("invitations") };
}

export default async function InvitationsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!canManageInvitations(user)) notFound();
  const { after } = await searchParams;
  const [{ items, nextCursor }, t, tModeration, format] = await Promise.all([
    listInvitationLinks(contextFor(user), { cursor: after }),
    getTranslations("admission"),
    getTranslations("moderation"),
    getFormatter(),
  ]);
  const now = new Date();
  return (
    <div className="flex flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold">{t("invitationsTitle")}</h1>
        <p className="mt-1 max-w-2xl text-muted">{t("invitationsIntro")}</p>
      </header>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("createTitle")}</h2>
        <InvitationForm />
      </Card>
      <section aria-labelledby="invitations-list" className="flex flex-col gap-3">
        <h2 id="invitations-list" className="text-lg font-bold">
          {t("listTitle")}
        </h2>
        {items.length === 0 ? (
          <p className="text-muted">{t("listEmpty")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
            {items.map((invitation) => {
              const state = invitation.revokedAt
                ? "revoked"
                : invitation.expiresAt <= now
                  ? "expired"
                  : invitation.maxUses !== null && invitation.useCount >= invitation.maxUses
                    ? "used"
                    : "active";
              const label = invitation.note || t("untitled");
              return (
                <li
                  key={invitation.id}
                  className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between"
                >
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 font-semibold break-words">
                      {label}
                      <Badge tone={state === "active" ? "success" : "neutral"}>{t(`state_${state}`)}</Badge>
                    </p>
                    <p className="text-sm text-muted">
                      {invitation.maxUses === null
                        ? t("usageUnlimited", { count: invitation.useCount })
                        : t("usage", { count: invitation.useCount, max: invitation.maxUses })}
                      {" · "}
                      {t("expires", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}
                      {" · "}
                      {t("createdBy", { name: invitation.createdBy.name })}
                    </p>
                  </div>
                  {state === "active" ? (
                    <RevokeInvitation invitationId={invitation.id} label={t("revokeLabel", { note: label })} />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <Pagination
          label={tModeration("pagination")}
          first={after ? { href: "/moderation/invitations", label: tModeration("firstPage") } : null}
          next={
            nextCursor ? { href: `/moderation/invitations?after=${nextCursor}`, label: tModeration("nextPage") } : null
          }
        />
      </section>
    </div>
  );
}
