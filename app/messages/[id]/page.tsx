import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { conversationName } from "@/components/messages/conversation-list";
import { ConversationView } from "@/components/messages/conversation-view";
import { getCurrentUser } from "@/lib/auth/session";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { contactOptions, readConversation } from "@/lib/messages/service";
import { AddPeopleForm } from "@/components/messages/add-people-form";
import { BlockButton } from "@/components/messages/block-button";
import { canUseMessages } from "@/lib/permissions/conversations";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("messages"))("title"), robots: { index: false } };
}

/** One conversation, for its participants only (anyone else gets the same 404 as a missing one). */
export default async function ConversationPage({ params }: Props) {
  const user = await getCurrentUser();
  const { id } = await params;
  if (!user) redirect(`/sign-in?callbackUrl=/messages/${encodeURIComponent(id)}`);
  if (!canUseMessages(user)) redirect("/waiting");
  const conversationId = Number(id);
  if (!Number.isSafeInteger(conversationId) || conversationId <= 0) notFound();
  const page = await readConversation(contextFor(user), { conversationId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const t = await getTranslations("messages");
  const others = page.participants.filter((participant) => participant.id !== user.id);
  const name = conversationName({ title: page.conversation.title, others });
  // One-to-one: the other person can be blocked from here.
  const other =
    !page.conversation.isGroup && others[0]
      ? (await contactOptions(contextFor(user), { userIds: [others[0].id] }))[0]
      : undefined;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <p>
        <Link href="/messages" className="touch-target text-sm font-semibold text-teal underline">
          {t("backToList")}
        </Link>
      </p>
      <header>
        <h1 className="text-2xl font-extrabold sm:text-3xl">{name}</h1>
        <p className="mt-1 text-sm text-muted">
          {t("participants")} :{" "}
          {others.map((other, index) => (
            <span key={other.id}>
              {index > 0 ? ", " : null}
              <Link href={`/u/${other.id}`} className="text-teal underline">
                {other.name}
              </Link>
            </span>
          ))}
        </p>
        {other ? <BlockButton userId={other.id} name={other.name} isBlocked={other.isBlockedByMe} /> : null}
      </header>
      {page.conversation.isGroup && page.canWrite ? (
        <AddPeopleForm
          conversationId={conversationId}
          participantIds={page.participants.map((participant) => participant.id)}
        />
      ) : null}
      <ConversationView
        conversationId={conversationId}
        viewerId={user.id}
        participants={page.participants.map(({ id: participantId, name: participantName, lastReadNumber }) => ({
          id: participantId,
          name: participantName,
          lastReadNumber,
        }))}
        initialMessages={page.messages}
        hasOlder={page.hasOlder}
        isArchived={page.isArchived}
        canWrite={page.canWrite}
      />
    </div>
  );
}
