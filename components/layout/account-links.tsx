import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";

export type AccountLink = { href: string; label: string; badge?: number };
export type AccountLinkGroups = { activity: AccountLink[]; staff: AccountLink[]; account: AccountLink[] };

type Who = Pick<CurrentUser, "id" | "role"> & { status?: CurrentUser["status"] };

/**
 * Where an account can go, in three groups: shared by the account menu (desktop) and the "Moi"
 * page (phones), so a destination added once appears in both.
 */
export async function accountLinks(user: Who, waitingForStaff = 0): Promise<AccountLinkGroups> {
  const [t, tOffers, tData, tOutcomes, tModeration, tNotifications, tMessages, tHelp] = await Promise.all([
    getTranslations("nav"),
    getTranslations("offers"),
    getTranslations("dataOwnership"),
    getTranslations("outcomes"),
    getTranslations("moderation"),
    getTranslations("notifications"),
    getTranslations("messages"),
    getTranslations("help"),
  ]);
  const isActive = (user.status ?? "active") === "active";
  if (!isActive) {
    return { activity: [{ href: "/waiting", label: tModeration("menuWaiting") }], staff: [], account: [] };
  }
  const isStaff = user.role === "facilitator" || user.role === "admin";
  return {
    activity: [
      { href: `/u/${user.id}`, label: t("myProfile") },
      { href: "/applications", label: tOffers("nav.applications") },
      { href: "/questions", label: tModeration("menuQuestions") },
      { href: "/pros", label: tModeration("menuPros") },
      { href: "/jai-trouve", label: tOutcomes("title") },
      ...(user.role === "member" ? [{ href: "/pros/request", label: tModeration("menuBecomePro") }] : []),
    ],
    staff: isStaff ? [{ href: "/moderation", label: tModeration("menuModeration"), badge: waitingForStaff }] : [],
    account: [
      { href: "/settings/profile", label: t("settings") },
      { href: "/settings/securite", label: t("security") },
      { href: "/settings/notifications", label: tNotifications("preferences.title") },
      { href: "/settings/messages", label: tMessages("settingsTitle") },
      { href: "/settings/donnees", label: tData("menu") },
      ...(user.role !== "member" ? [{ href: "/settings/api-tokens", label: tOffers("nav.apiTokens") }] : []),
      { href: "/aide", label: tHelp("menu") },
    ],
  };
}
