import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BlockButton } from "@/components/messages/block-button";
import { MessagingSettingsForm } from "@/components/messages/messaging-settings-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { getMyMessagingSettings, listMyBlocks } from "@/lib/messages/control";
import { canUseMessages } from "@/lib/permissions/conversations";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("settingsTitle"), robots: { index: false } };
}

/** Who may write to me (pros), my availability note, my buddy volunteering, and whom I blocked. */
export default async function MessagingSettingsPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/settings/messages");
  if (!canUseMessages(user)) redirect("/waiting");
  const ctx = contextFor(user);
  const [settings, blocks, t] = await Promise.all([
    getMyMessagingSettings(ctx),
    listMyBlocks(ctx),
    getTranslations("messages"),
  ]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <header>
        <h1 className="text-2xl font-extrabold">{t("settingsTitle")}</h1>
        <p className="mt-1 text-muted">{t("settingsIntro")}</p>
      </header>
      <Card>
        <MessagingSettingsForm settings={settings} isPro={user.role === "pro"} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-bold">{t("blockedList")}</h2>
        {blocks.length === 0 ? (
          <p className="text-muted">{t("noneBlocked")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {blocks.map((blocked) => (
              <li key={blocked.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{blocked.name}</span>
                <BlockButton userId={blocked.id} name={blocked.name} isBlocked />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
