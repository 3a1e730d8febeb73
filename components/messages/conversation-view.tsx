"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { LazyComposer } from "@/components/forum/lazy-composer";
import { Button } from "@/components/ui/button";
import {
  archiveConversationAction,
  leaveConversationAction,
  loadOlderMessagesAction,
  markConversationSeenAction,
  sendMessageAction,
} from "@/lib/actions/messages";
import type { MessageView } from "@/lib/messages/views";
import { MessageItem } from "./message-item";
import { lastNumberOf, seenByNames, upsertMessage, upsertMessages } from "./message-state";
import { useLiveConversation } from "./use-live-conversation";

type Participant = { id: string; name: string; lastReadNumber: number };

export type ConversationViewProps = {
  conversationId: number;
  viewerId: string;
  participants: Participant[];
  initialMessages: MessageView[];
  hasOlder: boolean;
  isArchived: boolean;
  canWrite: boolean;
};

/** A conversation, kept live: messages, "vu", older pages, the composer, archive and leave. */
export function ConversationView(props: ConversationViewProps) {
  const { conversationId, viewerId } = props;
  const t = useTranslations("messages");
  const router = useRouter();
  const [messages, setMessages] = useState(props.initialMessages);
  const [participants, setParticipants] = useState(props.participants);
  const [hasOlder, setHasOlder] = useState(props.hasOlder);
  const [announcement, setAnnouncement] = useState("");
  const lastNumber = lastNumberOf(messages);
  const seenUpTo = useRef(participants.find((p) => p.id === viewerId)?.lastReadNumber ?? 0);

  const onRead = useCallback(
    (event: { userId: string; number: number }) =>
      setParticipants((current) =>
        current.map((p) =>
          p.id === event.userId ? { ...p, lastReadNumber: Math.max(p.lastReadNumber, event.number) } : p,
        ),
      ),
    [],
  );
  useLiveConversation(conversationId, lastNumber, setMessages, onRead);

  // Seen while the page is visible: the others get "vu", the header's count drops.
  useEffect(() => {
    const markSeen = () => {
      if (document.visibilityState !== "visible" || lastNumber <= seenUpTo.current) return;
      seenUpTo.current = lastNumber;
      void markConversationSeenAction({ conversationId, number: lastNumber });
    };
    markSeen();
    document.addEventListener("visibilitychange", markSeen);
    return () => document.removeEventListener("visibilitychange", markSeen);
  }, [conversationId, lastNumber]);

  // Screen readers hear new messages from others.
  const announced = useRef(lastNumber);
  useEffect(() => {
    const fresh = messages.filter((m) => m.number > announced.current && m.author.id !== viewerId);
    announced.current = Math.max(announced.current, lastNumber);
    if (fresh.length > 0) setAnnouncement(t("live", { name: fresh.at(-1)!.author.name }));
  }, [messages, lastNumber, viewerId, t]);

  const loadOlder = async () => {
    const result = await loadOlderMessagesAction({ conversationId, before: messages[0]?.number });
    if (!result.ok) return;
    setMessages((current) => upsertMessages(current, result.data.messages));
    setHasOlder(result.data.hasOlder);
  };
  const seenBy = seenByNames(messages, viewerId, participants);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            const result = await archiveConversationAction({ conversationId, archived: !props.isArchived });
            if (result.ok) router.push(props.isArchived ? `/messages/${conversationId}` : "/messages");
            router.refresh();
          }}
        >
          {props.isArchived ? t("unarchive") : t("archive")}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            if (!window.confirm(t("confirmLeave"))) return;
            const result = await leaveConversationAction({ conversationId });
            if (result.ok) router.push("/messages");
          }}
        >
          {t("leave")}
        </Button>
      </div>
      {hasOlder ? (
        <Button variant="ghost" size="sm" className="self-center" onClick={() => void loadOlder()}>
          {t("olderMessages")}
        </Button>
      ) : null}
      <section aria-label={t("title")} className="flex flex-col gap-3" data-testid="messages">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            isOwn={message.author.id === viewerId}
            onChange={(changed) => setMessages((current) => upsertMessage(current, changed))}
          />
        ))}
      </section>
      {seenBy.length > 0 ? (
        <p className="self-end text-sm text-muted" data-testid="seen-by">
          {t("seenBy", { names: seenBy.join(", ") })}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {props.canWrite ? (
        <LazyComposer
          mode="reply"
          editorId={`message-${conversationId}`}
          label={t("composerLabel")}
          submitLabel={t("send")}
          onSubmit={async ({ body, idempotencyKey }) => {
            const result = await sendMessageAction({ conversationId, body, idempotencyKey });
            if (!result.ok) return result;
            setMessages((current) => upsertMessage(current, result.data.message));
            return { ok: true };
          }}
        />
      ) : (
        <p className="rounded-lg bg-sand p-3 text-muted">{t("cannotWriteHere")}</p>
      )}
    </div>
  );
}
