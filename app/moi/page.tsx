import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { accountLinks, type AccountLink } from "@/components/layout/account-links";
import { Avatar } from "@/components/ui/avatar";
import { signOutAction } from "@/lib/actions/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { countWaitingForStaff } from "@/lib/moderation/service";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("meTitle"), robots: { index: false } };
}

function LinkList({ links, badgeLabel }: { links: AccountLink[]; badgeLabel: (count: number) => string }) {
  return (
    <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white">
      {links.map((link) => (
        <li key={link.href}>
          <Link
            href={link.href}
            className="flex min-h-12 items-center justify-between gap-3 px-4 py-2 font-semibold text-ink no-underline hover:bg-sand"
          >
            {link.label}
            {link.badge ? (
              <span className="rounded-full bg-brand px-2 text-sm text-white">
                {link.badge}
                <span className="sr-only"> · {badgeLabel(link.badge)}</span>
              </span>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** "Moi", the last tab of the phone's bottom bar: every personal destination without a menu to open. */
export default async function MePage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/moi");
  const t = await getTranslations("nav");
  const waiting = await countWaitingForStaff(contextFor(user));
  const groups = await accountLinks(user, waiting);
  const badgeLabel = (count: number) => t("waitingForStaff", { count });
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <header className="flex items-center gap-3">
        <Avatar name={user.name} seed={user.id} />
        <div>
          <h1 className="text-2xl font-extrabold">{t("meTitle")}</h1>
          <p className="text-muted">{t("meIntro")}</p>
        </div>
      </header>
      <section aria-labelledby="me-activity" className="flex flex-col gap-2">
        <h2 id="me-activity" className="text-lg font-bold">
          {t("myActivity")}
        </h2>
        <LinkList links={groups.activity} badgeLabel={badgeLabel} />
      </section>
      {groups.staff.length ? (
        <section aria-labelledby="me-team" className="flex flex-col gap-2">
          <h2 id="me-team" className="text-lg font-bold">
            {t("team")}
          </h2>
          <LinkList links={groups.staff} badgeLabel={badgeLabel} />
        </section>
      ) : null}
      {groups.account.length ? (
        <section aria-labelledby="me-account" className="flex flex-col gap-2">
          <h2 id="me-account" className="text-lg font-bold">
            {t("myAccount")}
          </h2>
          <LinkList links={groups.account} badgeLabel={badgeLabel} />
        </section>
      ) : null}
      <form action={signOutAction}>
        <button
          type="submit"
          className="min-h-12 w-full rounded-2xl border border-line bg-white px-4 font-semibold text-danger hover:bg-sand"
        >
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
