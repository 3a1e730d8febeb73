"use client";

import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { useRealtime } from "@/components/realtime/realtime-provider";
import { useCatchUpOnPageShow } from "@/components/realtime/use-catch-up-on-page-show";
import { useRoom } from "@/components/realtime/use-room";
import type { PostView } from "@/lib/forum/views";
import { applyCatchUpPage, catchUpFrom, type CatchUpPage } from "./catch-up";
import { insertPost, type ThreadState } from "./thread-state";

type Viewer = { id: string } | null;

/** Pushed posts carry no per-reader flags: give them this reader's (the server re-checks). */
function forViewer(post: PostView, viewer: Viewer): PostView {
  const isOwn = viewer?.id === post.author.id;
  const isLive = !post.isDeleted && !post.isHidden;
  // An edited post arrives with its reactions: which ones are this reader's comes from `userIds`.
  const reactions = post.reactions.map((reaction) => ({
    ...reaction,
    hasReacted: Boolean(viewer && reaction.userIds?.includes(viewer.id)),
  }));
  return {
    ...post,
    reactions,
    canEdit: isOwn && isLive,
    canDelete: isOwn && !post.isDeleted,
    canReact: Boolean(viewer) && isLive,
  };
}

const TYPING_VISIBLE_MS = 4_000;

/**
 * Keeps a thread page live: inserts new posts, edits, deletions and reactions as they happen,
 * shows who is typing and how many people read, and after every (re)connection or return from
 * the browser cache, catches up from the last post number seen through the normal API.
 */
export function useLiveThread(
  threadId: number,
  viewer: Viewer,
  setState: Dispatch<SetStateAction<ThreadState>>,
  maxNumber: number,
) {
  const { socket } = useRealtime();
  const [typers, setTypers] = useState<Map<string, { name: string; until: number }>>(new Map());
  const [presence, setPresence] = useState(0);
  const [lockState, setLockState] = useState<boolean | null>(null);
  const maxNumberRef = useRef(maxNumber);
  useEffect(() => {
    maxNumberRef.current = maxNumber;
  }, [maxNumber]);

  const upsert = useCallback(
    (post: PostView) => setState((current) => insertPost(current, forViewer(post, viewer))),
    [setState, viewer],
  );

  // Page after page until the live stream is reached; beyond one page the thread shows a jump.
  const catchUp = useCallback(async () => {
    const fetchPage = async (after: number) => {
      const response = await fetch(`/api/v1/threads/${threadId}/posts?after=${after}`, { cache: "no-store" }).catch(
        () => null,
      );
      return response?.ok ? ((await response.json()) as CatchUpPage) : null;
    };
    await catchUpFrom(maxNumberRef.current, fetchPage, (page, isFirstPage) =>
      setState((current) => applyCatchUpPage(current, page, isFirstPage)),
    );
  }, [threadId, setState]);

  const refetchPost = useCallback(
    async (postId: number) => {
      const response = await fetch(`/api/v1/posts/${postId}`, { cache: "no-store" }).catch(() => null);
      if (!response?.ok) return;
      const { post } = (await response.json()) as { post: PostView };
      setState((current) => insertPost(current, post));
    },
    [setState],
  );

  useRoom(
    `thread:${threadId}`,
    {
      "post:created": (event) => {
        if (event.post) upsert(event.post);
        else void catchUp();
      },
      "post:updated": (event) => {
        if (event.post) upsert(event.post);
      },
      "post:deleted": (event) =>
        setState((current) => {
          const post = findPost(current, event.postId);
          return post
            ? insertPost(current, {
                ...post,
                isDeleted: true,
                bodyHtml: null,
                reactions: [],
                canEdit: false,
                canDelete: false,
                canReact: false,
              })
            : current;
        }),
      "post:hidden": (event) => void refetchPost(event.postId),
      "post:reactions": (event) =>
        setState((current) => {
          const post = findPost(current, event.postId);
          if (!post) return current;
          const reactions = event.reactions.map((reaction) => ({
            ...reaction,
            hasReacted: Boolean(viewer && reaction.userIds?.includes(viewer.id)),
          }));
          return insertPost(current, { ...post, reactions });
        }),
      typing: (event) =>
        setTypers((current) =>
          new Map(current).set(event.user.id, { name: event.user.name, until: Date.now() + TYPING_VISIBLE_MS }),
        ),
      presence: (event) => setPresence(event.count),
      "thread:updated": (event) => setLockState(event.isLocked),
    },
    () => void catchUp(),
  );

  // Someone who posts stops typing; expired entries fade out.
  useEffect(() => {
    if (typers.size === 0) return;
    const timer = setTimeout(
      () => setTypers((current) => new Map([...current].filter(([, typer]) => typer.until > Date.now()))),
      1_000,
    );
    return () => clearTimeout(timer);
  }, [typers]);

  useCatchUpOnPageShow(catchUp);

  const lastTypingSent = useRef(0);
  const signalTyping = useCallback(() => {
    const now = Date.now();
    if (!socket?.connected || now - lastTypingSent.current < 2_000) return;
    lastTypingSent.current = now;
    socket.emit("typing", threadId);
  }, [socket, threadId]);

  // Expired entries are pruned by the effect above, within a second.
  const typingNames = [...typers.entries()].filter(([id]) => id !== viewer?.id).map(([, typer]) => typer.name);
  /** Null until a moderator locks or unlocks the thread while it is open. */
  return { typingNames, presence, signalTyping, lockState };
}

function findPost(state: ThreadState, postId: number): PostView | null {
  if (state.opening?.id === postId) return state.opening;
  for (const { post, children } of state.replies) {
    if (post.id === postId) return post;
    const child = children.find((candidate) => candidate.id === postId);
    if (child) return child;
  }
  return null;
}
