import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NewConversationForm } from "@/components/messages/new-conversation-form";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { describeRecipients } from "@/lib/messages/service";
import { canUseMessages } from "@/lib/permissions/conversations";

type Props = { searchParams: Promise<{ to?: string | string[] }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("newTitle"), robots: { index: false } };
}

/** "Écrire à …": the recipients from the link (a profile, the pro directory), more can be added. */
export default async function NewConversationPage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/messages");
  if (!canUseMessages(user)) redirect("/waiting");
  const { to } = await searchParams;
  const ids = [to ?? []].flat().filter((id) => UUID.test(id));
  const t = await getTranslations("messages");
  const { recipients, existingId } = await describeRecipients(contextFor(user), { userIds: ids });
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-5">
      <p>
        <Link href="/messages" className="touch-target text-sm font-semibold text-teal underline">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="text-2xl font-extrabold sm:text-3xl">{t("newTitle")}</h1>
      <NewConversationForm
        viewerId={user.id}
        initialRecipients={recipients}
        existingName={existingId ? recipients[0]!.name : null}
      />
    </div>
  );
}
