import "server-only";
import type { Locale } from "../config";

/**
 * Messages are split by feature (one JSON file per feature and locale) so features can grow
 * without editing one shared file. Top-level keys must not collide across files.
 */
export const MESSAGE_FILES = [
  "core",
  "forum",
  "offers",
  "moderation",
  "review",
  "notifications",
  "push",
  "email",
  "search",
  "rhythm",
  "data",
  "conversations",
  "outcomes",
  "kit",
  "help",
] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const parts = await Promise.all(
    MESSAGE_FILES.map((name) => import(`./${locale}/${name}.json`).then((module) => module.default)),
  );
  return Object.assign({}, ...parts);
}
