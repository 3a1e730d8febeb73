import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/actions/auth";
import { Avatar } from "@/components/ui/avatar";
import type { CurrentUser } from "@/lib/auth/session";

/** A disclosure menu: works with the keyboard and without JavaScript. */
export async function UserMenu({
  user,
}: {
  user: Pick<CurrentUser, "id" | "name" | "role"> & { status?: CurrentUser["status"] };
}) {
  const t = await getTranslations("nav");
  const tOffers = await getTranslations("offers");
  const tData = await getTranslations("dataOwnership");
  const tOutcomes = await getTranslations("outcomes");
  const tModeration = await getTranslations("moderation");
  const tNotifications = await getTranslations("notifications");
  const tMessages = await getTranslations("messages");
  const isActive = (user.status ?? "active") === "active";
  const isStaff = isActive && (user.role === "facilitator" || user.role === "admin");
  const item = "block w-full rounded-lg px-3 py-2 text-left text-sm font-medium text-ink hover:bg-sand";
  return (
    <details className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 pl-1 pr-3 hover:bg-sand [&::-webkit-details-marker]:hidden">
        <Avatar name={user.name} seed={user.id} size="sm" />
        {/* Below 400 px the avatar alone leaves room for the messages link and the bell. */}
        <span className="hidden max-w-32 truncate text-sm font-semibold min-[400px]:inline">{user.name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </summary>
      <div className="absolute right-0 z-40 mt-2 w-56 rounded-xl border border-line bg-white p-1.5 shadow-lg">
        {isActive ? (
          <>
            <Link href={`/u/${user.id}`} className={item}>
              {t("myProfile")}
            </Link>
            <Link href="/settings/profile" className={item}>
              {t("settings")}
            </Link>
            <Link href="/settings/securite" className={item}>
              {t("security")}
            </Link>
            <Link href="/settings/notifications" className={item}>
              {tNotifications("preferences.title")}
            </Link>
            <Link href="/settings/messages" className={item}>
              {tMessages("settingsTitle")}
            </Link>
            <Link href="/applications" className={item}>
              {tOffers("nav.applications")}
            </Link>
            <Link href="/jai-trouve" className={item}>
              {tOutcomes("title")}
            </Link>
            <Link href="/settings/donnees" className={item}>
              {tData("menu")}
            </Link>
            {user.role !== "member" ? (
              <Link href="/settings/api-tokens" className={item}>
                {tOffers("nav.apiTokens")}
              </Link>
            ) : null}
            <Link href="/pros" className={item}>
              {tModeration("menuPros")}
            </Link>
            <Link href="/questions" className={item}>
              {tModeration("menuQuestions")}
            </Link>
            {user.role === "member" ? (
              <Link href="/pros/request" className={item}>
                {tModeration("menuBecomePro")}
              </Link>
            ) : null}
            {isStaff ? (
              <Link href="/moderation" className={item}>
                {tModeration("menuModeration")}
              </Link>
            ) : null}
          </>
        ) : (
          <Link href="/waiting" className={item}>
            {tModeration("menuWaiting")}
          </Link>
        )}
        <form action={signOutAction}>
          <button type="submit" className={item}>
            {t("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
