import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { notificationTranslate } from "@/lib/notifications/describe";
import { countMyUnread, listMyNotifications } from "@/lib/notifications/service";
import { canFollow } from "@/lib/permissions";

type Props = { searchParams: Promise<{ after?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("page.title"), robots: { index: false } };
}

/** Every notification, newest first: the bell's panel on phones, and its full history. */
export default async function NotificationsPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/notifications");
  if (!canFollow(user)) redirect("/waiting");
  const { after } = await searchParams;
  const t = await getTranslations("notifications");
  const ctx = contextFor(user);
  const [{ items, nextCursor }, unread] = await Promise.all([
    listMyNotifications(ctx, { t: notificationTranslate(t), cursor: after }),
    countMyUnread(ctx),
  ]);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="text-2xl font-extrabold sm:text-3xl">{t("page.title")}</h1>
          <p className="mt-1 text-muted">{t("page.intro")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {unread > 0 ? <MarkAllReadButton label={t("page.markAllRead")} /> : null}
          <Link href="/settings/notifications" className="text-sm font-semibold text-teal underline">
            {t("page.preferences")}
          </Link>
        </div>
      </header>
      <section className="overflow-hidden rounded-2xl border border-line bg-white">
        {items.length === 0 ? (
          <p className="p-6 text-center text-muted">{t("bell.empty")}</p>
        ) : (
          <NotificationList items={items} />
        )}
      </section>
      <Pagination
        label={t("page.title")}
        first={after ? { href: "/notifications", label: t("page.title") } : null}
        next={nextCursor ? { href: `/notifications?after=${nextCursor}`, label: t("page.more") } : null}
      />
    </div>
  );
}
