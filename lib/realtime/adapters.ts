import pg from "pg";
import type { Env } from "@/lib/env";

export type LiveAdapter = {
  adapter: Parameters<import("socket.io").Server["adapter"]>[0] | undefined;
  name: "memory" | "postgres" | "redis";
  /** Whether events from other instances reach this one right now. */
  isUp: () => boolean;
  close: () => Promise<void>;
};

/**
 * The PostgreSQL adapter's pool, made to survive a database restart. The adapter keeps one
 * client checked out for LISTEN and never gives it an `error` listener: a terminated
 * connection (57P01, then "Connection terminated unexpectedly") was an uncaught exception that
 * stopped the client before it emitted `end`, so the adapter's own reconnection never ran, and
 * the dead client kept its pool slot. Here every client gets an error listener, and a client
 * that ends while checked out is released as broken, so the adapter reconnects (every ~2 s)
 * with a free slot.
 */
function resilientPool(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000 });
  let listener: pg.PoolClient | null = null;
  let isReported = false;
  pool.on("error", (error) => console.error("[realtime] postgres adapter (idle client):", error.message));
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      if (client === listener && !isReported) {
        isReported = true;
        console.error(`[realtime] live events between instances interrupted (${error.message}): reconnecting`);
      }
    });
  });
  // The adapter asks for its LISTEN client with a bare connect(); queries pass a callback.
  const connect = pool.connect.bind(pool) as () => Promise<pg.PoolClient>;
  const connectWithCallback = pool.connect.bind(pool) as (callback: unknown) => void;
  pool.connect = ((callback?: unknown) => {
    if (callback) return connectWithCallback(callback);
    return connect().then((client) => {
      listener = client;
      if (isReported) console.info("[realtime] live events between instances restored");
      isReported = false;
      client.once("end", () => {
        if (listener === client) listener = null;
        try {
          client.release(true);
        } catch {
          // Already released (the adapter closed it).
        }
      });
      return client;
    });
  }) as typeof pool.connect;
  return { pool, isListening: () => listener !== null };
}

/** The Socket.io adapter that carries events between instances, from the environment. */
export async function createLiveAdapter(env: Env & { REDIS_URL?: string }): Promise<LiveAdapter> {
  if (env.REDIS_URL) {
    const { createClient } = await import("redis");
    const { createAdapter: redisAdapter } = await import("@socket.io/redis-adapter");
    const pub = createClient({ url: env.REDIS_URL });
    const sub = pub.duplicate();
    // node-redis reconnects by itself (and subscribes again); errors are only reported.
    pub.on("error", (error) => console.error("[realtime] redis:", error.message));
    sub.on("error", (error) => console.error("[realtime] redis:", error.message));
    await Promise.all([pub.connect(), sub.connect()]);
    return {
      adapter: redisAdapter(pub, sub),
      name: "redis",
      isUp: () => pub.isReady && sub.isReady,
      close: async () => void (await Promise.all([pub.quit(), sub.quit()]).catch(() => {})),
    };
  }
  if (env.DATABASE_URL) {
    const { createAdapter: postgresAdapter } = await import("@socket.io/postgres-adapter");
    // A small pool of its own: one LISTEN connection plus NOTIFY, apart from the app's queries.
    const { pool, isListening } = resilientPool(env.DATABASE_URL);
    let lastError = "";
    return {
      adapter: postgresAdapter(pool, {
        // NOTIFY fails the same way every time while the database is down: once is enough.
        errorHandler: (error) => {
          if (error.message !== lastError) console.error("[realtime] postgres adapter:", error.message);
          lastError = error.message;
        },
      }),
      name: "postgres",
      isUp: isListening,
      close: () => pool.end(),
    };
  }
  return { adapter: undefined, name: "memory", isUp: () => true, close: async () => {} };
}
