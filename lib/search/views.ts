import { threadPath } from "@/lib/slug";
import type { MemberHit, PostHit, Suggestions, TitleHit } from "./service";

/** What the browser receives: plain data with links, no database rows. */

export type SuggestionKind = "thread" | "offer" | "member";
export type SuggestionView = { kind: SuggestionKind; label: string; href: string; detail: string | null };
export type TitleHitView = { id: number; title: string; href: string; isSolved: boolean; replyCount: number };

export function titleHitView(hit: TitleHit): TitleHitView {
  return {
    id: hit.threadId,
    title: hit.title,
    href: threadPath(hit.channelSlug, { id: hit.threadId, slug: hit.slug }),
    isSolved: hit.isSolved,
    replyCount: hit.replyCount,
  };
}

/** A post's address: the thread, scrolled to the post when it is a reply. */
export function postHref(hit: Pick<PostHit, "channelSlug" | "threadId" | "slug" | "number">): string {
  const path = threadPath(hit.channelSlug, { id: hit.threadId, slug: hit.slug });
  return hit.number > 1 ? `${path}?post=${hit.number}#p${hit.number}` : path;
}

export function postHitView(hit: PostHit) {
  return { ...hit, href: postHref(hit), createdAt: hit.createdAt.toISOString() };
}

export function memberHref(member: Pick<MemberHit, "id">): string {
  return `/u/${member.id}`;
}

export function suggestionsFor(found: Suggestions): SuggestionView[] {
  return [
    ...found.threads.map((hit) => ({
      kind: (hit.threadKind === "offer" ? "offer" : "thread") as SuggestionKind,
      label: hit.title,
      href: titleHitView(hit).href,
      detail: null,
    })),
    ...found.members.map((member) => ({
      kind: "member" as const,
      label: member.name,
      href: memberHref(member),
      detail: member.headline ?? member.organisation,
    })),
  ];
}
