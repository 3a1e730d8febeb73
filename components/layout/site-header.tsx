import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessagesLink } from "@/components/messages/messages-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { HeaderSearch } from "@/components/search/header-search";
import { ButtonLink } from "@/components/ui/button";
import type { CurrentUser } from "@/lib/auth/session";
import { UNREAD_COUNT_CAP } from "@/lib/notifications/service";
import { canFollow, isActiveMember } from "@/lib/permissions";
import { canUseMessages } from "@/lib/permissions/conversations";
import { getVapidPublicKey } from "@/lib/push/keys";
import { accountLinks } from "./account-links";
import { ChannelNav } from "./channel-nav";
import { MainNav } from "./main-nav";
import { UserMenu } from "./user-menu";

type SiteHeaderProps = {
  user: Pick<CurrentUser, "id" | "name" | "role" | "status"> | null;
  channels: { slug: string; name: string }[];
  /** The community's name and uploaded logo (lib/branding). */
  brand: { name: string; logoUrl: string | null };
  /** Open reports and admission requests, for staff (0 for everyone else). */
  waitingForStaff: number;
};

/** The destinations shown in the header from 640 px, so none hides in the account menu. */
async function shortcutsFor(user: NonNullable<SiteHeaderProps["user"]>, waitingForStaff: number) {
  const groups = await accountLinks(user, waitingForStaff);
  const wanted = new Set(["/applications", "/questions", "/pros"]);
  return [...groups.activity.filter((link) => wanted.has(link.href)), ...groups.staff];
}

export async function SiteHeader({ user, channels, brand, waitingForStaff }: SiteHeaderProps) {
  const t = await getTranslations("nav");
  // Push is offered in the bell's panel, never on a first visit; off when no keys are set.
  const vapidPublicKey = user ? getVapidPublicKey() : null;
  return (
    <header className="border-b border-line bg-white/90 print:hidden">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-3 py-3 sm:px-4">
        <Link href="/" className="flex items-center gap-2 rounded-lg font-extrabold text-ink no-underline">
          {brand.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small uploaded file served as is
            <img src={brand.logoUrl} alt="" className="size-9 rounded-xl object-contain" />
          ) : (
            <span
              aria-hidden="true"
              className="inline-flex size-9 items-center justify-center rounded-xl bg-brand text-lg text-white"
            >
              {Array.from(brand.name)[0]?.toUpperCase()}
            </span>
          )}
          {/* On the narrowest phones the logo alone leaves room for the account buttons. */}
          <span className="sr-only leading-tight min-[400px]:not-sr-only">
            {brand.name}
            <span className="hidden text-xs font-semibold text-muted sm:block">{t("community")}</span>
          </span>
        </Link>
        <div className="flex flex-1 justify-end sm:justify-center">
          <HeaderSearch />
        </div>
        {user ? (
          <div className="flex items-center gap-1">
            {/* On a phone the bottom bar has it. */}
            {canUseMessages(user) ? (
              <div className={isActiveMember(user) ? "hidden sm:block" : undefined}>
                <MessagesLink />
              </div>
            ) : null}
            {canFollow(user) ? <NotificationBell cap={UNREAD_COUNT_CAP} vapidPublicKey={vapidPublicKey} /> : null}
            <UserMenu user={user} waitingForStaff={waitingForStaff} />
          </div>
        ) : (
          <div className="flex items-center gap-1 sm:gap-2">
            <ButtonLink href="/sign-in" variant="ghost" size="sm">
              {t("signIn")}
            </ButtonLink>
            <ButtonLink href="/sign-up" size="sm">
              {t("signUp")}
            </ButtonLink>
          </div>
        )}
      </div>
      {isActiveMember(user) ? (
        <MainNav
          links={await shortcutsFor(user, waitingForStaff)}
          label={t("shortcuts")}
          badgeLabel={t("waitingForStaff", { count: waitingForStaff })}
        />
      ) : null}
      {channels.length > 0 ? (
        <ChannelNav
          channels={channels}
          pages={
            isActiveMember(user)
              ? [
                  { href: "/cafe", name: t("checkin") },
                  { href: "/activites", name: t("activities") },
                ]
              : []
          }
          label={t("channels")}
        />
      ) : null}
    </header>
  );
}
