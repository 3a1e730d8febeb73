/**
 * The XSS corpus's checks of rendered HTML, shared by the editor's tests (lib/editor/xss.test.ts)
 * and every feature that stores rich text (posts, private messages). Used by *.test.ts only.
 */
import { expect } from "vitest";

const ALLOWED_TAGS = new Set([
  "p",
  "h2",
  "h3",
  "ul",
  "ol",
  "li",
  "blockquote",
  "strong",
  "em",
  "code",
  "a",
  "br",
  "span",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "rel", "target", "class", "data-user-id", "start"]);
const VOID_TAGS = new Set(["br"]);

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
export const decode = (value: string) => value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

export type Tag = { name: string; closing: boolean; attrs: [string, string][] };

/**
 * A strict scanner for the renderer's output. Any "<" must open a well-formed tag whose
 * attributes are all double-quoted with no quote or angle bracket inside; text holds no ">"
 * and no "&" other than the five escapes; tags are balanced. Anything else throws.
 */
function scan(html: string): { tags: Tag[]; text: string } {
  const tags: Tag[] = [];
  const stack: string[] = [];
  let text = "";
  const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+="[^"<>]*")*)\s*>/y;
  let i = 0;
  while (i < html.length) {
    if (html[i] === "<") {
      tagPattern.lastIndex = i;
      const match = tagPattern.exec(html);
      if (!match) throw new Error(`malformed or unexpected markup at ${i}: ${JSON.stringify(html.slice(i, i + 60))}`);
      const name = match[2]!.toLowerCase();
      const closing = match[1] === "/";
      const attrs = [...match[3]!.matchAll(/([^\s"'<>/=]+)="([^"]*)"/g)].map(
        ([, key, value]) => [key!.toLowerCase(), value!] as [string, string],
      );
      tags.push({ name, closing, attrs });
      if (closing) {
        const open = stack.pop();
        if (open !== name) throw new Error(`unbalanced </${name}> (open: ${open})`);
      } else if (!VOID_TAGS.has(name)) stack.push(name);
      i = tagPattern.lastIndex;
    } else {
      const next = html.indexOf("<", i);
      const chunk = html.slice(i, next === -1 ? html.length : next);
      if (chunk.includes(">")) throw new Error(`raw ">" in text: ${JSON.stringify(chunk)}`);
      if (/&(?!(?:amp|lt|gt|quot|#39);)/.test(chunk)) throw new Error(`raw "&" in text: ${JSON.stringify(chunk)}`);
      text += chunk;
      i = next === -1 ? html.length : next;
    }
  }
  if (stack.length) throw new Error(`unclosed tags: ${stack.join(", ")}`);
  return { tags, text: decode(text) };
}

export function isSafeHref(raw: string): boolean {
  const href = decode(raw);
  if (!/^(?:https?:\/\/|mailto:)/i.test(href) || /[\u0000-\u0020\u007f]/.test(href)) return false;
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Asserts the rendered HTML only holds allow-listed elements, attributes and link targets. */
export function expectSafeHtml(html: string): { tags: Tag[]; text: string } {
  const scanned = scan(html);
  for (const tag of scanned.tags) {
    expect(ALLOWED_TAGS.has(tag.name), `element <${tag.name}> in ${html}`).toBe(true);
    for (const [name, value] of tag.attrs) {
      expect(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} on <${tag.name}> in ${html}`).toBe(true);
      if (name === "href") expect(isSafeHref(value), `href ${value}`).toBe(true);
    }
    if (tag.name === "a" && !tag.closing) {
      const rel = tag.attrs.find(([name]) => name === "rel")?.[1].split(/\s+/) ?? [];
      expect(rel).toEqual(expect.arrayContaining(["nofollow", "ugc", "noopener"]));
    }
  }
  return scanned;
}
