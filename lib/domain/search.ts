/** Search vocabulary shared by the queries, the services and the UI (pure: no I/O). */

export const searchTypes = ["all", "threads", "replies", "offers", "members"] as const;
export type SearchType = (typeof searchTypes)[number];
export const searchSorts = ["relevance", "date"] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Longer queries are cut: nobody types more, and it bounds the work of the parser. */
export const MAX_QUERY_LENGTH = 200;
/** ts_headline markers: private-use characters no keyboard types; the UI turns them into <mark>. */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";

/**
 * A query split for prefix matching: `head` goes to `websearch_to_tsquery` (quotes, `-`, `or`),
 * `prefix` is the last word being typed (letters and digits only), matched as `word:*`.
 * Nothing here is ever concatenated into SQL: both parts are bound parameters.
 */
export type SearchTerms = { text: string; head: string; prefix: string | null };

const TRAILING_WORD = /([\p{L}\p{N}]+)$/u;

export function searchTerms(raw: string): SearchTerms {
  const text = raw
    .replace(/[\p{Cc}\uE000\uE001]/gu, " ")
    .slice(0, MAX_QUERY_LENGTH)
    .trim();
  const match = TRAILING_WORD.exec(text);
  // Inside an open quote the user is typing a phrase; after a `-` they are excluding a word.
  const quoteOpen = (text.match(/"/g)?.length ?? 0) % 2 === 1;
  if (!match || match[1]!.length < 2 || quoteOpen) return { text, head: text, prefix: null };
  const head = text.slice(0, match.index);
  if (/(^|\s)-$/.test(head)) return { text, head: text, prefix: null };
  return { text, head, prefix: match[1]! };
}

/** True when there is something to search for (at least one letter or digit). */
export function hasSearchableText(terms: SearchTerms): boolean {
  return /[\p{L}\p{N}]/u.test(terms.text);
}

/** A snippet split into plain and highlighted parts, for rendering as React text (never HTML). */
export function highlightParts(snippet: string): { text: string; isMatch: boolean }[] {
  const parts: { text: string; isMatch: boolean }[] = [];
  let rest = snippet;
  while (rest) {
    const start = rest.indexOf(HIGHLIGHT_START);
    if (start === -1) {
      parts.push({ text: rest, isMatch: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start), isMatch: false });
    const stop = rest.indexOf(HIGHLIGHT_STOP, start + 1);
    const end = stop === -1 ? rest.length : stop;
    parts.push({ text: rest.slice(start + 1, end), isMatch: true });
    rest = stop === -1 ? "" : rest.slice(stop + 1);
  }
  return parts.filter((part) => part.text);
}
