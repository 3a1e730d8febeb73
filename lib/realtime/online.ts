import { getIo } from "./io";

/**
 * Whether a member has the site open right now: a socket in their `user:<id>` room, on any
 * instance (the adapter asks the others). Without live events (scripts, tests) or when the
 * question fails, the answer is no: an e-mail is then sent rather than lost.
 */
export async function isUserOnline(userId: string): Promise<boolean> {
  const io = getIo();
  if (!io) return false;
  try {
    const sockets = await io.in(`user:${userId}`).fetchSockets();
    return sockets.length > 0;
  } catch (error) {
    console.error("[realtime] could not tell whether a member is online:", (error as Error).message);
    return false;
  }
}
