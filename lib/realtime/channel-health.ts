// How the live-events channel between instances is doing, for /api/health. server.ts sets it and
// Next's health route reads it: separate module graphs, so the state lives on globalThis.

export type LiveChannelHealth = {
  /** "memory" (one instance, nothing to lose), "postgres" or "redis". */
  adapter: string;
  /** Whether events published by other instances currently reach this one. */
  isUp: boolean;
};

type Probe = () => LiveChannelHealth;
const globalForChannel = globalThis as unknown as { propulseLiveChannel?: Probe };

export function setLiveChannelProbe(probe: Probe | undefined): void {
  globalForChannel.propulseLiveChannel = probe;
}

/** The channel's state, or null when no live server runs in this process (tests, scripts). */
export function getLiveChannelHealth(): LiveChannelHealth | null {
  return globalForChannel.propulseLiveChannel?.() ?? null;
}
