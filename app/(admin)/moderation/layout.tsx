import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StaffNav } from "@/components/moderation/staff-nav";
import { getCurrentUser } from "@/lib/auth/session";
import { getModerationOverview } from "@/lib/moderation/service";
import { canManageNetwork, canModerate } from "@/lib/permissions";
import { contextFor } from "@/lib/context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moderation");
  return { title: { default: t("title"), template: `%s · ${t("title")}` }, robots: { index: false } };
}

/** The facilitators' area. Everyone else gets a 404 (each page and action checks again). */
export default async function ModerationLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/moderation");
  // Staff without two-factor sign-in act as members until they set it up.
  if (user.needsTwoFactorSetup) redirect("/settings/securite");
  if (!canModerate(user)) notFound();
  const counts = await getModerationOverview(contextFor(user));
  return (
    <div className="flex flex-col gap-5">
      <StaffNav counts={counts} isAdmin={canManageNetwork(user)} />
      {children}
    </div>
  );
}
