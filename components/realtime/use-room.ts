"use client";

import { useEffect, useRef } from "react";
import type { RoomName, ServerToClientEvents } from "@/lib/realtime/events";
import { useRealtime } from "./realtime-provider";

type Handlers = Partial<{ [K in keyof ServerToClientEvents]: ServerToClientEvents[K] }>;

/**
 * How many mounted components follow each room, per socket: several may follow one room (a
 * thread's discussion and its review summary), and the room is left when the last one goes.
 */
const followers = new WeakMap<object, Map<RoomName, number>>();

function follow(socket: object, room: RoomName) {
  const rooms = followers.get(socket) ?? new Map<RoomName, number>();
  followers.set(socket, rooms);
  rooms.set(room, (rooms.get(room) ?? 0) + 1);
}

/** True when nobody follows the room any more. */
function unfollow(socket: object, room: RoomName): boolean {
  const rooms = followers.get(socket);
  const count = (rooms?.get(room) ?? 1) - 1;
  if (count > 0) rooms!.set(room, count);
  else rooms?.delete(room);
  return count <= 0;
}

/** Pause before asking again for a room the server could not check (its database was away). */
const JOIN_RETRY_MS = 2_000;

/**
 * Follows a room while the component is mounted. `onJoined` runs after every (re)join, so the
 * page can catch up on what happened while it was not connected.
 */
export function useRoom(room: RoomName | null, handlers: Handlers, onJoined?: () => void) {
  const { socket } = useRealtime();
  const handlersRef = useRef(handlers);
  const onJoinedRef = useRef(onJoined);
  useEffect(() => {
    handlersRef.current = handlers;
    onJoinedRef.current = onJoined;
  });

  useEffect(() => {
    if (!socket || !room) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const join = () =>
      socket.emit("join", room, (result) => {
        if (result?.ok) onJoinedRef.current?.();
        // Refused only because the server could not check just now (database away): ask again.
        else if (result?.retry && socket.connected) retry = setTimeout(join, JOIN_RETRY_MS);
      });
    const names = Object.keys(handlersRef.current) as (keyof ServerToClientEvents)[];
    const listeners = names.map((name) => {
      const listener = (...args: unknown[]) =>
        (handlersRef.current[name] as ((...a: unknown[]) => void) | undefined)?.(...args);
      socket.on(name, listener as never);
      return [name, listener] as const;
    });
    follow(socket, room);
    if (socket.connected) join();
    socket.on("connect", join);
    return () => {
      clearTimeout(retry);
      socket.off("connect", join);
      for (const [name, listener] of listeners) socket.off(name, listener as never);
      if (unfollow(socket, room) && socket.connected) socket.emit("leave", room);
    };
  }, [socket, room]);
}
