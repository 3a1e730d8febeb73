/**
 * A per-socket token bucket: each event a client sends costs one token; tokens come back at
 * `perSecond` up to `burst`. A page sends a few events a minute (join, leave, typing), so a
 * socket that empties the bucket is not a page: it is disconnected before it can make the
 * database (room checks) or the process (ack callbacks) work for it.
 */
export function createEventBudget({ perSecond, burst }: { perSecond: number; burst: number }, now = Date.now) {
  let tokens = burst;
  let refilledAt = now();
  return {
    /** Takes one token; false when the socket is over budget. */
    take(): boolean {
      const current = now();
      tokens = Math.min(burst, tokens + ((current - refilledAt) / 1000) * perSecond);
      refilledAt = current;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

/** What a socket may send: enough for a page opening a dozen rooms at once and typing. */
export const SOCKET_EVENT_BUDGET = { perSecond: 10, burst: 40 };
