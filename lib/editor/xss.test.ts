import { stripControlChars } from "@/lib/validation/text";
import { describe, expect, it } from "vitest";
import type { RichTextDocument } from "./document";
import { documentText, renderDocumentHtml } from "./render";
import { validateDocument } from "./validate";
import { XSS_HREFS, XSS_STRINGS } from "./xss-corpus";

const MEMBER_ID = "7b0a3a3e-2c1f-4d0b-9a57-6b2f4d9c1e11";
const SAFE_HREF = "https://example.com/safe";

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
const decode = (value: string) => value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

type Tag = { name: string; closing: boolean; attrs: [string, string][] };

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

function isSafeHref(raw: string): boolean {
  const href = decode(raw);
  if (!/^(?:https?:\/\/|mailto:)/i.test(href) || /[\u0000-\u0020\u007f]/.test(href)) return false;
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(href).protocol);
  } catch {
    return false;
  }
}

/** Asserts the rendered HTML only holds allow-listed elements, attributes and link targets. */
function expectSafeHtml(html: string): { tags: Tag[]; text: string } {
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

function validOrThrow(input: unknown): RichTextDocument {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`refused (${result.error}): ${JSON.stringify(input).slice(0, 300)}`);
  return result.doc;
}

const textNode = (text: string, marks?: unknown[]) => (marks ? { type: "text", text, marks } : { type: "text", text });
const paragraphDoc = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });
const label = (payload: string) => (payload.length > 40 ? `${payload.slice(0, 40)}…` : payload);

describe("the XSS corpus", () => {
  it("is large enough and has no duplicates", () => {
    expect(XSS_STRINGS.length).toBeGreaterThanOrEqual(40);
    expect(XSS_HREFS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(XSS_STRINGS).size).toBe(XSS_STRINGS.length);
    expect(new Set(XSS_HREFS).size).toBe(XSS_HREFS.length);
  });

  it("holds strings without surrounding whitespace (so the text round-trips exactly)", () => {
    for (const payload of XSS_STRINGS) expect(payload, payload).toBe(payload.trim());
  });

  it("holds no valid http(s) or mailto target among the hostile hrefs", () => {
    for (const href of XSS_HREFS) expect(isSafeHref(href), JSON.stringify(href)).toBe(false);
  });
});

// Control characters (NUL…) are dropped on input, everything else is kept as typed.
const stored = (payload: string) => stripControlChars(payload);

describe.each(XSS_STRINGS.map((payload) => [label(payload), payload] as const))("payload %j", (_name, payload) => {
  it("renders as inert text in every block", () => {
    const doc = validOrThrow({
      type: "doc",
      content: [
        { type: "paragraph", content: [textNode(payload)] },
        { type: "heading", attrs: { level: 2 }, content: [textNode(payload)] },
        { type: "heading", attrs: { level: 3 }, content: [textNode(payload, [{ type: "code" }])] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [textNode(payload, [{ type: "italic" }])] }] },
          ],
        },
        {
          type: "orderedList",
          attrs: { start: 2 },
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [textNode(payload)] }] }],
        },
        {
          type: "blockquote",
          content: [{ type: "paragraph", content: [textNode(payload), { type: "hardBreak" }, textNode(payload)] }],
        },
      ],
    });
    const { text } = expectSafeHtml(renderDocumentHtml(doc));
    expect(text).toBe(stored(payload).repeat(7));
  });

  it("keeps the text as typed", () => {
    const doc = validOrThrow(paragraphDoc(textNode(payload)));
    expect(documentText(doc)).toBe(stored(payload));
    expect(expectSafeHtml(renderDocumentHtml(doc)).text).toBe(stored(payload));
  });

  it("renders as inert text inside bold and a safe link", () => {
    const doc = validOrThrow(
      paragraphDoc(textNode(payload, [{ type: "bold" }, { type: "link", attrs: { href: SAFE_HREF } }])),
    );
    const html = renderDocumentHtml(doc);
    const { tags, text } = expectSafeHtml(html);
    expect(text).toBe(stored(payload));
    expect(documentText(doc)).toBe(stored(payload));
    const anchors = tags.filter((tag) => tag.name === "a" && !tag.closing);
    expect(anchors).toHaveLength(1);
    expect(decode(anchors[0]!.attrs.find(([name]) => name === "href")![1])).toBe(SAFE_HREF);
    expect(tags.filter((tag) => tag.name === "strong" && !tag.closing)).toHaveLength(1);
  });
});

describe.each(
  XSS_STRINGS.filter((payload) => payload.length <= 60).map((payload) => [label(payload), payload] as const),
)("payload %j as a mention label", (_name, payload) => {
  it("renders as inert text", () => {
    const doc = validOrThrow(
      paragraphDoc(textNode("Hi "), { type: "mention", attrs: { id: MEMBER_ID, label: payload } }),
    );
    const { tags, text } = expectSafeHtml(renderDocumentHtml(doc));
    expect(text).toBe(`Hi @${stored(payload).trim()}`);
    expect(documentText(doc)).toBe(`Hi @${stored(payload).trim()}`);
    const spans = tags.filter((tag) => tag.name === "span" && !tag.closing);
    expect(spans).toHaveLength(1);
    expect(Object.fromEntries(spans[0]!.attrs)).toEqual({ class: "mention", "data-user-id": MEMBER_ID });
  });
});

describe.each(
  XSS_STRINGS.filter((payload) => !/[\u0000-\u0020\u007f]/.test(payload)).map(
    (payload) => [label(payload), payload] as const,
  ),
)("payload %j in a link's query string", (_name, payload) => {
  it("cannot break out of the href", () => {
    const href = `https://example.com/search?q=${payload}`;
    // Without whitespace or control characters, any such string is a valid https URL.
    const doc = validOrThrow(paragraphDoc(textNode("search", [{ type: "link", attrs: { href } }])));
    const { tags, text } = expectSafeHtml(renderDocumentHtml(doc));
    expect(text).toBe("search");
    const anchors = tags.filter((tag) => tag.name === "a" && !tag.closing);
    expect(anchors).toHaveLength(1);
    expect(decode(anchors[0]!.attrs.find(([name]) => name === "href")![1])).toBe(href);
  });
});

describe.each(XSS_HREFS.map((href) => [href] as const))("link target %j", (href) => {
  const linked = paragraphDoc(textNode("click me", [{ type: "link", attrs: { href } }]));

  it("is refused by validateDocument", () => {
    const result = validateDocument(linked);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe("editor.linkNotAllowed");
    expect(validateDocument(JSON.stringify(linked)).ok).toBe(false);
  });

  it("is refused alongside safe marks and in nested blocks", () => {
    const nested = {
      type: "doc",
      content: [
        { type: "paragraph", content: [textNode("ok", [{ type: "link", attrs: { href: SAFE_HREF } }])] },
        {
          type: "blockquote",
          content: [
            {
              type: "bulletList",
              content: [
                {
                  type: "listItem",
                  content: [
                    {
                      type: "paragraph",
                      content: [textNode("x", [{ type: "bold" }, { type: "link", attrs: { href } }])],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(validateDocument(nested).ok).toBe(false);
  });

  it("is never rendered as a link, even from an unvalidated document", () => {
    const html = renderDocumentHtml(linked as RichTextDocument);
    const { tags, text } = expectSafeHtml(html);
    expect(tags.some((tag) => tag.name === "a")).toBe(false);
    expect(text).toBe("click me");
  });
});
