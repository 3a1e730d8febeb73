"use client";

import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import { catchUpNumbered } from "@/components/forum/catch-up";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useCatchUpOnPageShow } from "@/components/realtime/use-catch-up-on-page-show";
import type { MessageReaction, MessageView } from "@/lib/messages/views";
import { setReactions, upsertMessage, upsertMessages } from "./message-state";

type CatchUpPage = { messages: MessageView[]; hasMore: boolean };

/**
 * Keeps a conversation live. Messages come over the member's own socket room (`user:<id>`),
 * filtered by conversation; after every (re)connection, or when the page comes back from the
 * browser cache, it asks `GET /api/v1/conversations/:id/messages?after=<last number>` page after
 * page (the threads' catch-up), so a message is never lost nor shown twice.
 */
export type LiveConversationEvents = {
  onRead: (event: { userId: string; number: number }) => void;
  /** Someone else is typing ("Léa écrit…"). */
  onTyping: (user: { id: string; name: string }) => void;
  /** A new message arrived live (its author stopped typing). */
  onNewMessageFrom: (authorId: string) => void;
  /** People joined or left. */
  onParticipantsChanged: () => void;
};

export function useLiveConversation(
  conversationId: number,
  lastNumber: number,
  setMessages: Dispatch<SetStateAction<MessageView[]>>,
  events: LiveConversationEvents,
) {
  const { socket } = useRealtime();
  const eventsRef = useRef(events);
  useEffect(() => {
    eventsRef.current = events;
  }, [events]);
  const lastNumberRef = useRef(lastNumber);
  useEffect(() => {
    lastNumberRef.current = lastNumber;
  }, [lastNumber]);

  const catchUp = useCallback(async () => {
    const fetchPage = async (after: number) => {
      const response = await fetch(`/api/v1/conversations/${conversationId}/messages?after=${after}`, {
        cache: "no-store",
      }).catch(() => null);
      return response?.ok ? ((await response.json()) as CatchUpPage) : null;
    };
    await catchUpNumbered(
      lastNumberRef.current,
      fetchPage,
      (page) => setMessages((current) => upsertMessages(current, page.messages)),
      (page) => page.messages.at(-1)?.number,
    );
  }, [conversationId, setMessages]);

  useEffect(() => {
    if (!socket) return;
    const mine = (event: { conversationId: number }) => event.conversationId === conversationId;
    const onCreatedOrUpdated = (event: { conversationId: number; message: MessageView | null }) => {
      if (!mine(event)) return;
      if (event.message) eventsRef.current.onNewMessageFrom(event.message.author.id);
      if (event.message) {
        const message = event.message;
        setMessages((current) => upsertMessage(current, message));
      } else void catchUp();
    };
    const onDeleted = (event: { conversationId: number; messageId: number }) => {
      if (!mine(event)) return;
      setMessages((current) =>
        current.map((message) =>
          message.id === event.messageId ? { ...message, isDeleted: true, bodyHtml: null, body: null } : message,
        ),
      );
    };
    const onRead = (event: { conversationId: number; userId: string; number: number }) => {
      if (mine(event)) eventsRef.current.onRead(event);
    };
    const onReactions = (event: { conversationId: number; messageId: number; reactions: MessageReaction[] }) => {
      if (mine(event)) setMessages((current) => setReactions(current, event.messageId, event.reactions));
    };
    const onTyping = (event: { conversationId: number; user: { id: string; name: string } }) => {
      if (mine(event)) eventsRef.current.onTyping(event.user);
    };
    const onParticipants = (event: { conversationId: number }) => {
      if (mine(event)) eventsRef.current.onParticipantsChanged();
    };
    const onConnect = () => void catchUp();
    socket.on("message:created", onCreatedOrUpdated);
    socket.on("message:updated", onCreatedOrUpdated);
    socket.on("message:deleted", onDeleted);
    socket.on("conversation:read", onRead);
    socket.on("message:reactions", onReactions);
    socket.on("conversation:typing", onTyping);
    socket.on("conversation:participants", onParticipants);
    socket.on("connect", onConnect);
    // Whatever was sent between the page's render and this subscription.
    if (socket.connected) onConnect();
    return () => {
      socket.off("message:created", onCreatedOrUpdated);
      socket.off("message:updated", onCreatedOrUpdated);
      socket.off("message:deleted", onDeleted);
      socket.off("conversation:read", onRead);
      socket.off("message:reactions", onReactions);
      socket.off("conversation:typing", onTyping);
      socket.off("conversation:participants", onParticipants);
      socket.off("connect", onConnect);
    };
  }, [socket, conversationId, setMessages, catchUp]);

  useCatchUpOnPageShow(catchUp);
}
