import { getIo } from "./io";

/**
 * Whether a member has the site open right now: a socket in their `user:<id>` room, on any
 * instance (the adapter asks the others). Without live events (scripts, tests) or when the
 * question fails, the answer is no: an e-mail is then sent rather than lost.
 */
export async function isUserOnline(userId: string): Promise<boolean> {
  return (await onlineAmong([userId])).has(userId);
}

/**
 * Which of these members have the site open, with one question to every instance (not one per
 * member). Same fallback as `isUserOnline`: when it cannot tell, nobody is online.
 */
export async function onlineAmong(userIds: string[]): Promise<Set<string>> {
  const io = getIo();
  const online = new Set<string>();
  if (!io || userIds.length === 0) return online;
  const rooms = new Map(userIds.map((id) => [`user:${id}`, id]));
  try {
    for (const socket of await io.in([...rooms.keys()]).fetchSockets()) {
      for (const room of socket.rooms) {
        const userId = rooms.get(room);
        if (userId) online.add(userId);
      }
    }
  } catch (error) {
    console.error("[realtime] could not tell who is online:", (error as Error).message);
  }
  return online;
}
