import "server-only";
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import type { ActivityKind } from "@/lib/domain/rhythm";
import { getProgrammeSections } from "./current";
import { defaultSections, programmeTextOverrides } from "./sections";

export { forgetProgrammeSections } from "./current";

type Messages = Record<string, unknown>;

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
