import { stripControlChars } from "@/lib/validation/text";
import { describe, expect, it } from "vitest";
import type { RichTextDocument } from "./document";
import { documentText, renderDocumentHtml } from "./render";
import { validateDocument } from "./validate";
import { XSS_HREFS, XSS_STRINGS } from "./xss-corpus";
import { decode, expectSafeHtml, isSafeHref } from "./safe-html-check";

const MEMBER_ID = "7b0a3a3e-2c1f-4d0b-9a57-6b2f4d9c1e11";
const SAFE_HREF = "https://example.com/safe";

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
