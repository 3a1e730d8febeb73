import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/components/messages/conversation-list";
import { cn } from "@/components/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { countMyUnreadConversations, listMyConversations } from "@/lib/messages/service";
import { canUseMessages } from "@/lib/permissions/conversations";

type Props = { searchParams: Promise<{ after?: string; archived?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("title"), robots: { index: false } };
}

/** The member's conversations, latest message first, unread ones marked; archived ones apart. */
export default async function MessagesPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/messages");
  if (!canUseMessages(user)) redirect("/waiting");
  const { after, archived } = await searchParams;
  const isArchived = archived === "1";
  const t = await getTranslations("messages");
  const ctx = contextFor(user);
  const [{ items, nextCursor }, unread] = await Promise.all([
    listMyConversations(ctx, { archived: isArchived, cursor: after }),
    countMyUnreadConversations(ctx),
  ]);
  const base = isArchived ? "/messages?archived=1" : "/messages";
  const tab = (href: string, label: string, isCurrent: boolean) => (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className={cn(
        "rounded-full px-4 py-2 text-sm font-semibold no-underline",
        isCurrent ? "bg-ink text-white" : "bg-white text-ink ring-1 ring-line hover:bg-sand",
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{t("title")}</h1>
        <p className="mt-1 text-muted">{t("intro")}</p>
        <p className="mt-2 text-sm font-semibold" data-testid="unread-conversations">
          {t("unreadCount", { count: unread })}
        </p>
      </header>
      <nav aria-label={t("title")} className="flex gap-2">
        {tab("/messages", t("inbox"), !isArchived)}
        {tab("/messages?archived=1", t("archived"), isArchived)}
      </nav>
      <section
        aria-label={isArchived ? t("archived") : t("inbox")}
        className="overflow-hidden rounded-2xl border border-line bg-white"
      >
        {items.length === 0 ? (
          <p className="p-6 text-center text-muted">{isArchived ? t("emptyArchived") : t("empty")}</p>
        ) : (
          <ConversationList items={items} viewerId={user.id} />
        )}
      </section>
      <Pagination
        label={t("title")}
        first={after ? { href: base, label: t("inbox") } : null}
        next={
          nextCursor ? { href: `${base}${isArchived ? "&" : "?"}after=${nextCursor}`, label: t("olderMessages") } : null
        }
      />
    </div>
  );
}
