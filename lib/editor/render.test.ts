import { describe, expect, it } from "vitest";
import { parseThreadRef, slugify, threadPath } from "@/lib/slug";
import type { RichTextDocument } from "./document";
import { documentFromText, documentText, escapeHtml, excerptOf, mentionedUserIds, renderDocumentHtml } from "./render";
import { validateDocument } from "./validate";

const UUID_A = "7b0a3a3e-2c1f-4d0b-9a57-6b2f4d9c1e11";
const UUID_B = "0f8e1c2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f";

type Tag = { name: string; attrs: Record<string, string>; closing: boolean };

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };
const decode = (value: string) => value.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]!);

/** Splits the renderer's (simple) HTML into tags and decoded text. */
function scan(html: string): { tags: Tag[]; text: string } {
  const tags: Tag[] = [];
  let text = "";
  const tagPattern = /<(\/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z-]*="[^"<>]*")*)\s*>/y;
  let i = 0;
  while (i < html.length) {
    if (html[i] === "<") {
      tagPattern.lastIndex = i;
      const match = tagPattern.exec(html);
      if (!match) throw new Error(`malformed tag at ${i}: ${html.slice(i, i + 40)}`);
      const attrs: Record<string, string> = {};
      for (const [, name, value] of match[3]!.matchAll(/([a-z][a-z-]*)="([^"]*)"/g)) attrs[name!] = decode(value!);
      tags.push({ name: match[2]!, attrs, closing: match[1] === "/" });
      i = tagPattern.lastIndex;
    } else {
      const next = html.indexOf("<", i);
      text += html.slice(i, next === -1 ? html.length : next);
      i = next === -1 ? html.length : next;
    }
  }
  return { tags, text: decode(text) };
}

const openTags = (html: string, name: string) => scan(html).tags.filter((tag) => tag.name === name && !tag.closing);

function valid(input: unknown): RichTextDocument {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`refused (${result.error}): ${JSON.stringify(input)}`);
  return result.doc;
}

const paragraphDoc = (...content: unknown[]) => valid({ type: "doc", content: [{ type: "paragraph", content }] });
const linkDoc = (href: string, label = "the link") =>
  paragraphDoc({ type: "text", text: label, marks: [{ type: "link", attrs: { href } }] });

describe("renderDocumentHtml escaping", () => {
  const nasty = `a < b > c & d "double" 'single' <b>bold?</b> &amp;`;

  it("escapes <, >, &, and both quotes in text", () => {
    const html = renderDocumentHtml(paragraphDoc({ type: "text", text: nasty }));
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/"double"|'single'/);
    const { tags, text } = scan(html);
    expect(tags.map((tag) => tag.name)).toEqual(["p", "p"]);
    expect(text).toBe(nasty);
  });

  it("escapes text in headings, lists, quotes and marks", () => {
    const t = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
    const doc = valid({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [t("<h1>x</h1>")] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [t("<li>y")] }] }],
        },
        {
          type: "blockquote",
          content: [{ type: "paragraph", content: [t("<script>z</script>", [{ type: "bold" }])] }],
        },
        { type: "paragraph", content: [t("<code>", [{ type: "code" }])] },
      ],
    });
    const html = renderDocumentHtml(doc);
    expect(html).not.toMatch(/<h1|<script|<li>y|<code><code>/);
    expect(scan(html).text).toBe("<h1>x</h1><li>y<script>z</script><code>");
  });

  it("escapeHtml escapes the five special characters and nothing else", () => {
    const escaped = escapeHtml(`<>&"' é ok`);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped).toContain(" é ok");
    expect(decode(escaped)).toBe(`<>&"' é ok`);
  });
});

describe("renderDocumentHtml structure", () => {
  it("renders each allowed block with its element", () => {
    const p = (value: string) => ({ type: "paragraph", content: [{ type: "text", text: value }] });
    const doc = valid({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Two" }] },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Three" }] },
        { type: "bulletList", content: [{ type: "listItem", content: [p("bullet")] }] },
        { type: "orderedList", attrs: { start: 4 }, content: [{ type: "listItem", content: [p("fourth")] }] },
        { type: "blockquote", content: [p("quote")] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "a" }, { type: "hardBreak" }, { type: "text", text: "b" }],
        },
      ],
    });
    const html = renderDocumentHtml(doc);
    const opened = scan(html)
      .tags.filter((tag) => !tag.closing)
      .map((tag) => tag.name);
    for (const name of ["h2", "h3", "ul", "ol", "li", "blockquote", "p", "br"]) expect(opened).toContain(name);
    expect(openTags(html, "ol")[0]!.attrs.start).toBe("4");
  });

  it("renders bold, italic and code marks", () => {
    const html = renderDocumentHtml(
      paragraphDoc(
        { type: "text", text: "b", marks: [{ type: "bold" }] },
        { type: "text", text: "i", marks: [{ type: "italic" }] },
        { type: "text", text: "c", marks: [{ type: "code" }] },
      ),
    );
    expect(openTags(html, "strong")).toHaveLength(1);
    expect(openTags(html, "em")).toHaveLength(1);
    expect(openTags(html, "code")).toHaveLength(1);
    expect(scan(html).text).toBe("bic");
  });
});

describe("links", () => {
  it.each([
    "https://example.com/path?a=1&b=2#frag",
    "http://example.org",
    "mailto:someone@example.com",
    'https://example.com/?q="x"&r=<y>',
  ])("keeps the href %s and adds rel nofollow ugc noopener", (href) => {
    const html = renderDocumentHtml(linkDoc(href));
    const anchors = openTags(html, "a");
    expect(anchors).toHaveLength(1);
    expect(anchors[0]!.attrs.href).toBe(href);
    expect(anchors[0]!.attrs.rel!.split(/\s+/).sort()).toEqual(["nofollow", "noopener", "ugc"]);
    expect(scan(html).text).toBe("the link");
  });

  it("puts the link around the other marks of the same text", () => {
    const html = renderDocumentHtml(
      paragraphDoc({
        type: "text",
        text: "x",
        marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://example.com" } }, { type: "italic" }],
      }),
    );
    const names = scan(html)
      .tags.filter((tag) => !tag.closing)
      .map((tag) => tag.name);
    expect(names[1]).toBe("a");
    expect(names).toContain("strong");
    expect(names).toContain("em");
  });

  it("never renders a link to a forbidden target, even from an unvalidated document", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "click", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    } as RichTextDocument;
    const html = renderDocumentHtml(doc);
    expect(openTags(html, "a")).toHaveLength(0);
    expect(html).not.toContain("javascript:");
    expect(scan(html).text).toBe("click");
  });
});

describe("mentions", () => {
  it("renders @label in a span with the mention class and the member id", () => {
    const html = renderDocumentHtml(
      paragraphDoc({ type: "text", text: "Hi " }, { type: "mention", attrs: { id: UUID_A, label: "Alice" } }),
    );
    const spans = openTags(html, "span");
    expect(spans).toHaveLength(1);
    expect(spans[0]!.attrs.class!.split(/\s+/)).toContain("mention");
    expect(spans[0]!.attrs["data-user-id"]).toBe(UUID_A);
    expect(scan(html).text).toBe("Hi @Alice");
  });

  it("escapes the label", () => {
    const label = `<img src=x onerror="a">`;
    const html = renderDocumentHtml(paragraphDoc({ type: "mention", attrs: { id: UUID_A, label } }));
    expect(html).not.toContain("<img");
    expect(scan(html).text).toBe(`@${label}`);
  });
});

describe("documentText", () => {
  it("puts each block on its own line", () => {
    const p = (value: string) => ({ type: "paragraph", content: [{ type: "text", text: value }] });
    const doc = valid({
      type: "doc",
      content: [
        p("first"),
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "title" }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [p("item one")] },
            { type: "listItem", content: [p("item two")] },
          ],
        },
        { type: "blockquote", content: [p("quoted")] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "before" }, { type: "hardBreak" }, { type: "text", text: "after" }],
        },
      ],
    });
    expect(documentText(doc).split("\n")).toEqual([
      "first",
      "title",
      "item one",
      "item two",
      "quoted",
      "before",
      "after",
    ]);
  });

  it("writes mentions as @label and keeps marked text", () => {
    const doc = paragraphDoc(
      { type: "text", text: "ping ", marks: [{ type: "bold" }] },
      { type: "mention", attrs: { id: UUID_A, label: "Alice" } },
    );
    expect(documentText(doc)).toBe("ping @Alice");
  });
});

describe("mentionedUserIds", () => {
  it("lists each mentioned member once, wherever the mention is", () => {
    const m = (id: string, label: string) => ({ type: "mention", attrs: { id, label } });
    const doc = valid({
      type: "doc",
      content: [
        { type: "paragraph", content: [m(UUID_A, "Alice"), { type: "text", text: " and " }, m(UUID_A, "Alice")] },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [m(UUID_B, "Bob")] }] }],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [m(UUID_B, "Bob")] }] },
      ],
    });
    const ids = mentionedUserIds(doc);
    expect(ids).toHaveLength(2);
    expect(new Set(ids)).toEqual(new Set([UUID_A, UUID_B]));
  });

  it("is empty without mentions", () => {
    expect(mentionedUserIds(paragraphDoc({ type: "text", text: "@Alice in plain text" }))).toEqual([]);
  });
});

describe("excerptOf", () => {
  const long = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");

  it("truncates long text to the given length with an ellipsis", () => {
    const excerpt = excerptOf(long, 50);
    expect(excerpt.length).toBeLessThanOrEqual(50);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(long.startsWith(excerpt.slice(0, -1).trimEnd())).toBe(true);
    expect(excerpt.length).toBeGreaterThan(40);
  });

  it("has a default maximum", () => {
    const excerpt = excerptOf(long);
    expect(excerpt.length).toBeLessThan(long.length);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  it("keeps short text whole, on one line", () => {
    expect(excerptOf("  short\n\ntext  ", 50)).toBe("short text");
    expect(excerptOf("exactly ten", 11)).toBe("exactly ten");
  });
});

describe("documentFromText", () => {
  it("makes one valid paragraph per blank-line-separated block", () => {
    const doc = documentFromText("First part.\n\nSecond <part> & more.\n\n\n");
    expect(validateDocument(doc).ok).toBe(true);
    expect(doc.content).toHaveLength(2);
    expect(documentText(doc)).toBe("First part.\nSecond <part> & more.");
    expect(renderDocumentHtml(doc)).not.toContain("<part>");
  });

  it("keeps single line breaks inside a paragraph as line breaks", () => {
    const doc = documentFromText("Accroche : 3/4\r\nClarté : 4/4\r\n\r\nMerci !");
    expect(validateDocument(doc).ok).toBe(true);
    expect(renderDocumentHtml(doc)).toBe("<p>Accroche : 3/4<br>Clarté : 4/4</p><p>Merci !</p>");
  });

  it("gives a valid, empty-bodied document for empty text", () => {
    const doc = documentFromText("   ");
    expect(validateDocument(doc).ok).toBe(true);
    expect(documentText(doc)).toBe("");
  });
});

describe("slugs", () => {
  it("strips accents and punctuation", () => {
    const slug = slugify("Relire mon CV : été 2026 !");
    expect(slug).toContain("relire-mon-cv");
    expect(slug).toContain("ete-2026");
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("respects the maximum length without a trailing dash", () => {
    const slug = slugify("Un titre vraiment très long pour un fil de discussion sur le forum communautaire", 20);
    expect(slug.length).toBeLessThanOrEqual(20);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("never gives an empty slug", () => {
    expect(slugify("?!… —").length).toBeGreaterThan(0);
    expect(slugify("<script>")).toMatch(/^[a-z0-9-]+$/);
  });

  it("reads the thread id back from a thread path segment", () => {
    expect(parseThreadRef("12-titre")).toBe(12);
    expect(parseThreadRef("12")).toBe(12);
    expect(parseThreadRef("abc")).toBeNull();
    expect(parseThreadRef("")).toBeNull();
    expect(parseThreadRef("0-titre")).toBeNull();
    expect(parseThreadRef("-12")).toBeNull();
    expect(parseThreadRef("12abc")).toBeNull();
    const segment = threadPath("entraide", { id: 345, slug: slugify("Relire mon CV") })
      .split("/")
      .pop()!;
    expect(parseThreadRef(segment)).toBe(345);
  });
});
