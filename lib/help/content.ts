import type { HelpPageContent } from "@/db/queries/help-pages";
import type { BlockNode, InlineNode, ListItemNode, RichTextDocument } from "@/lib/editor/document";
import { postContent } from "@/lib/forum/content";

/**
 * A help page's body is a post's rich text (the same allow-list, renderer and limits) with one
 * addition: links may point at a page of the app by its path (`/cafe`, `/aide/admettre-un-membre`),
 * which posts refuse. Such a link is checked here, then goes through the posts' validation and
 * renderer under a placeholder origin that can never resolve (`.invalid`, RFC 2606), and comes
 * back as a plain same-site link: no new tab, no `nofollow`.
 */

const APP_ORIGIN = "https://app-path.invalid";

/**
 * A path inside the app: one leading slash (never `//host` nor `/\host`, which browsers read as
 * another site), then only URL-safe characters; at most 300 of them.
 */
export function isAppPath(href: string): boolean {
  return href.length <= 300 && /^\/(?![/\\])[A-Za-z0-9\-._~/?=&#%+]*$/.test(href);
}

/** Whether an absolute href uses the placeholder origin (refused from any input: it is ours). */
function isPlaceholder(href: string): boolean {
  try {
    return new URL(href).hostname === "app-path.invalid";
  } catch {
    return false;
  }
}

type AnyNode = { type?: unknown; content?: unknown; marks?: unknown; attrs?: unknown };

/**
 * A copy of an untrusted value with every link mark's href passed through `map`: only objects
 * shaped like link marks change, anything else is copied as it is for the validation to judge.
 */
function mapLinks(value: unknown, map: (href: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => mapLinks(item, map));
  if (!value || typeof value !== "object") return value;
  const node = value as AnyNode;
  const copy: Record<string, unknown> = { ...node };
  if (Array.isArray(node.content)) copy.content = node.content.map((child) => mapLinks(child, map));
  if (Array.isArray(node.marks)) {
    copy.marks = node.marks.map((mark: unknown) => {
      const link = mark as { type?: unknown; attrs?: { href?: unknown } } | null;
      if (link?.type !== "link" || !link.attrs || typeof link.attrs.href !== "string") return mark;
      return { ...link, attrs: { ...link.attrs, href: map(link.attrs.href) } };
    });
  }
  return copy;
}

/** App paths under the placeholder origin, so the posts' allow-list (absolute links only) accepts them. */
export function withPlaceholderLinks(value: unknown): unknown {
  return mapLinks(value, (href) => (isAppPath(href) ? `${APP_ORIGIN}${href}` : href));
}

/** Back from the placeholder origin to the app path (after validation). */
export function withAppLinks(doc: RichTextDocument): RichTextDocument {
  return mapLinks(doc, (href) =>
    href.startsWith(`${APP_ORIGIN}/`) ? href.slice(APP_ORIGIN.length) : href,
  ) as RichTextDocument;
}

/** Whether any link of the (untrusted) value already uses the placeholder origin: such input is refused. */
export function usesPlaceholderOrigin(value: unknown): boolean {
  let found = false;
  mapLinks(value, (href) => {
    if (isPlaceholder(href)) found = true;
    return href;
  });
  return found;
}

/** Whether the document mentions a member (help pages are for everyone, and templates travel). */
export function hasMention(doc: RichTextDocument): boolean {
  const visit = (node: BlockNode | ListItemNode | InlineNode): boolean =>
    node.type === "mention" ||
    ((node as { content?: (BlockNode | ListItemNode | InlineNode)[] }).content ?? []).some(visit);
  return doc.content.some(visit);
}

/**
 * The rendered links of the placeholder origin, as the posts' renderer writes them (escaped href,
 * then its fixed attributes), become same-site links. The captured path was escaped by the
 * renderer and matched `isAppPath` before: nothing else can be produced.
 */
const PLACEHOLDER_LINK = /<a href="https:\/\/app-path\.invalid(\/[^"]*)" rel="nofollow ugc noopener" target="_blank">/g;

/**
 * What a help page stores from its (validated) document: the document itself, the HTML rendered
 * once (the posts' renderer, app links made same-site) and the plain text.
 */
export function helpContent(body: RichTextDocument): HelpPageContent {
  const rendered = postContent(withPlaceholderLinks(body) as RichTextDocument);
  return { body, html: rendered.html.replace(PLACEHOLDER_LINK, '<a href="$1">'), text: rendered.text };
}
