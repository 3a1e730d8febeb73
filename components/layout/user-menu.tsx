import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { Avatar } from "@/components/ui/avatar";
import type { CurrentUser } from "@/lib/auth/session";
import { accountLinks } from "./account-links";
import { AutoCloseDetails } from "./auto-close-details";

/**
 * A disclosure menu: works with the keyboard and without JavaScript; with it, it closes after a
 * navigation, on a click elsewhere and on Escape.
 */
export async function UserMenu({
  user,
  waitingForStaff = 0,
}: {
  user: Pick<CurrentUser, "id" | "name" | "role"> & { status?: CurrentUser["status"] };
  waitingForStaff?: number;
}) {
  const t = await getTranslations("nav");
  const groups = await accountLinks(user, waitingForStaff);
  const links = [...groups.activity, ...groups.staff, ...groups.account];
  const item =
    "flex w-full items-center justify-between gap-2 rounded-lg px-3 py-2 text-left text-sm font-medium text-ink hover:bg-sand";
  return (
    <AutoCloseDetails className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 pl-1 pr-3 hover:bg-sand [&::-webkit-details-marker]:hidden">
        <Avatar name={user.name} seed={user.id} size="sm" />
        {/* Below 400 px the avatar alone leaves room for the messages link and the bell. */}
        <span className="hidden max-w-32 truncate text-sm font-semibold min-[400px]:inline">{user.name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 max-h-[calc(100dvh-5rem)] w-60 overflow-y-auto rounded-xl border border-line bg-white p-1.5 shadow-lg">
        {links.map((link) => (
          <Link key={link.href} href={link.href} className={item}>
            {link.label}
            {link.badge ? (
              <span className="rounded-full bg-brand px-1.5 text-xs text-white">
                {link.badge}
                <span className="sr-only"> · {t("waitingForStaff", { count: link.badge })}</span>
              </span>
            ) : null}
          </Link>
        ))}
        <form action={signOutAction}>
          <button type="submit" className={item}>
            {t("signOut")}
          </button>
        </form>
      </div>
    </AutoCloseDetails>
  );
}
