import { register } from "node:module";

// Resolves the `server-only` marker to its empty module, as Next does on the server and vitest
// does in tests. Only the React Server build of the marker is empty; Node picks the throwing one.
const HOOK = `export async function resolve(specifier, context, next) {
  if (specifier !== "server-only") return next(specifier, context);
  return next(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}`;

/**
 * server.ts is a plain Node process, yet the job workers run app services that are marked
 * `server-only` (mail, i18n, notifications). Call before importing them (`await import(…)`):
 * everything in this process is server code, there is no client bundle to protect.
 */
export function allowServerOnlyModules(): void {
  register(`data:text/javascript,${encodeURIComponent(HOOK)}`);
}
