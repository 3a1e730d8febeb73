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
import { TYPING_SIGNAL_INTERVAL_MS, TYPING_VISIBLE_MS } from "@/lib/domain/conversations";
import type { MessageView } from "@/lib/messages/views";
import { AttachFileForm } from "./attach-file-form";
import { MessageItem } from "./message-item";
import { lastNumberOf, removeTypist, seenByNames, upsertMessage, upsertMessages, type Typist } from "./message-state";
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
  // Someone joined or left: the refreshed page brings the new list; "vu" marks seen live are kept.
  const [participantsProp, setParticipantsProp] = useState(props.participants);
  if (participantsProp !== props.participants) {
    setParticipantsProp(props.participants);
    setParticipants((current) =>
      props.participants.map((participant) => {
        const known = current.find((candidate) => candidate.id === participant.id);
        return known
          ? { ...participant, lastReadNumber: Math.max(participant.lastReadNumber, known.lastReadNumber) }
          : participant;
      }),
    );
  }
  const [hasOlder, setHasOlder] = useState(props.hasOlder);
  const [announcement, setAnnouncement] = useState("");
  const lastNumber = lastNumberOf(messages);
  const seenUpTo = useRef(participants.find((p) => p.id === viewerId)?.lastReadNumber ?? 0);

  const [typists, setTypists] = useState<Typist[]>([]);
  const onRead = useCallback(
    (event: { userId: string; number: number }) =>
      setParticipants((current) =>
        current.map((p) =>
          p.id === event.userId ? { ...p, lastReadNumber: Math.max(p.lastReadNumber, event.number) } : p,
        ),
      ),
    [],
  );
  const onTyping = useCallback((user: { id: string; name: string }) => {
    const until = Date.now() + TYPING_VISIBLE_MS;
    setTypists((current) => [...current.filter((typist) => typist.id !== user.id), { ...user, until }]);
  }, []);
  const onNewMessageFrom = useCallback(
    (authorId: string) => setTypists((current) => removeTypist(current, { authorId, now: Date.now() })),
    [],
  );
  // The header's list of participants is rendered on the server: a refresh brings it up to date.
  const onParticipantsChanged = useCallback(() => router.refresh(), [router]);
  useLiveConversation(conversationId, lastNumber, setMessages, {
    onRead,
    onTyping,
    onNewMessageFrom,
    onParticipantsChanged,
  });

  // "… écrit" fades out a few seconds after the last signal.
  const hasTypists = typists.length > 0;
  useEffect(() => {
    if (!hasTypists) return;
    const timer = setInterval(() => setTypists((current) => removeTypist(current, { now: Date.now() })), 1_000);
    return () => clearInterval(timer);
  }, [hasTypists]);

  // Typing in the composer tells the others, at most once per interval (the server throttles too).
  const lastTypingSignal = useRef(0);
  const signalTyping = () => {
    const now = Date.now();
    if (now - lastTypingSignal.current < TYPING_SIGNAL_INTERVAL_MS) return;
    lastTypingSignal.current = now;
    void fetch(`/api/v1/conversations/${conversationId}/typing`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    }).catch(() => undefined);
  };

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
            viewerId={viewerId}
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
      <p className="min-h-5 text-sm text-muted italic" data-testid="typing">
        {typists.length > 0
          ? t("typing", { names: typists.map((typist) => typist.name).join(", "), count: typists.length })
          : null}
      </p>
      {props.canWrite ? (
        <>
          {/* Input events bubble from the editor's contenteditable. */}
          <div onInput={signalTyping}>
            <LazyComposer
              mode="reply"
              editorId={`message-${conversationId}`}
              label={t("composerLabel")}
              submitLabel={t("send")}
              onSubmit={async ({ body, idempotencyKey }) => {
                const result = await sendMessageAction({ conversationId, body, idempotencyKey });
                if (!result.ok) return result;
                lastTypingSignal.current = 0;
                setMessages((current) => upsertMessage(current, result.data.message));
                return { ok: true };
              }}
            />
          </div>
          <AttachFileForm
            conversationId={conversationId}
            onSent={(message) => setMessages((current) => upsertMessage(current, message))}
          />
        </>
      ) : (
        <p className="rounded-lg bg-sand p-3 text-muted">{t("cannotWriteHere")}</p>
      )}
    </div>
  );
}
