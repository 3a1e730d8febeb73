import "server-only";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import type { ActivityKind } from "@/lib/domain/rhythm";
import { defaultSections, programmeTextOverrides, readSections, type Sections } from "./sections";

type Messages = Record<string, unknown>;

/**
 * The programme's texts (lib/programme/sections) read on every page and e-mail: kept in memory
 * for a short while, like the branding, and forgotten at once when this process imports a template.
 */
const TTL_MS = 30_000;
const globalForProgramme = globalThis as unknown as { propulseProgramme?: { value: Sections; at: number } };

export async function getProgrammeSections(): Promise<Sections | null> {
  const cached = globalForProgramme.propulseProgramme;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.value;
  try {
    const value = await readSections(getDb());
    globalForProgramme.propulseProgramme = { value, at: Date.now() };
    return value;
  } catch (error) {
    // The database is out: pages and mails still render, with the last known or built-in texts.
    console.error("[programme] could not read the programme's texts:", error);
    return cached?.value ?? null;
  }
}

export function forgetProgrammeSections(): void {
  delete globalForProgramme.propulseProgramme;
}

/** The activity formats the programme offers in the activity form, in its order (built in: all of them). */
export async function offeredActivityKinds(): Promise<ActivityKind[]> {
  const sections = (await getProgrammeSections()) ?? defaultSections();
  return sections.activities.formats.map((format) => format.kind);
}

/** `messages` with the texts at `overrides`' paths replaced (a copy; the rest is shared). */
export function applyTextOverrides(messages: Messages, overrides: Record<string, string>): Messages {
  const copy: Messages = { ...messages };
  for (const [path, text] of Object.entries(overrides)) {
    const keys = path.split(".");
    let node = copy;
    for (const key of keys.slice(0, -1)) {
      const child = node[key];
      if (!child || typeof child !== "object") break;
      node[key] = { ...(child as Messages) };
      node = node[key] as Messages;
    }
    const last = keys.at(-1)!;
    if (typeof node[last] === "string") node[last] = text;
  }
  return copy;
}

/** The message files of `locale` with the programme's texts put in (before the branding). */
export async function loadProgrammeMessages(locale: Locale): Promise<Messages> {
  const messages = await loadMessages(locale);
  const sections = await getProgrammeSections();
  return sections ? applyTextOverrides(messages, programmeTextOverrides(sections, locale)) : messages;
}
