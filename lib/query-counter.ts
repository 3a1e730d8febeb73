import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Test instrumentation (E2E_HOOKS=1 only): counts the SQL statements issued while serving a
 * request that carries an `x-test-request-id` header, so end-to-end tests can check that a
 * page's query count does not grow with its content.
 */
const requestStore = new AsyncLocalStorage<{ id: string }>();
const counts = new Map<string, number>();
const MAX_TRACKED = 1_000;

export function runCounted<T>(requestId: string, fn: () => T): T {
  if (counts.size > MAX_TRACKED) counts.delete(counts.keys().next().value!);
  counts.set(requestId, 0);
  return requestStore.run({ id: requestId }, fn);
}

/** The database's query hook. */
export function countQuery(): void {
  const store = requestStore.getStore();
  if (store) counts.set(store.id, (counts.get(store.id) ?? 0) + 1);
}

export function getQueryCount(requestId: string): number | undefined {
  return counts.get(requestId);
}

const globalForCounter = globalThis as unknown as { propulseQueryCount?: typeof getQueryCount };
/** Next's route handlers (another module graph) read counts through globalThis. */
globalForCounter.propulseQueryCount = getQueryCount;
