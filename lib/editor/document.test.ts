import { describe, expect, it } from "vitest";
import { richTextBodySchema } from "@/lib/validation/forum";
import { DOC_LIMITS, isAllowedHref, parseDocument } from "./document";
import { validateDocument } from "./validate";

const UUID_A = "7b0a3a3e-2c1f-4d0b-9a57-6b2f4d9c1e11";

type Json = Record<string, unknown>;

const text = (value: string, marks?: Json[]): Json =>
  marks ? { type: "text", text: value, marks } : { type: "text", text: value };
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });
const doc = (...content: Json[]): Json => ({ type: "doc", content });
const link = (href: string): Json => ({ type: "link", attrs: { href } });
const mention = (id: string, label: string): Json => ({ type: "mention", attrs: { id, label } });
const listItem = (...content: Json[]): Json => ({ type: "listItem", content });
const withMark = (markType: string) => doc(paragraph(text("marked", [{ type: markType }])));

function expectRefused(input: unknown, error?: string) {
  for (const check of [parseDocument, validateDocument]) {
    const result = check(input);
    expect(result.ok, `${check.name} accepted ${JSON.stringify(input)?.slice(0, 200)}`).toBe(false);
    if (error && !result.ok) expect(result.error).toBe(error);
  }
}

function expectAccepted(input: unknown) {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`refused (${result.error}): ${JSON.stringify(input).slice(0, 300)}`);
  return result.doc;
}

/** `levels` nested blockquotes around one paragraph of text. */
function nestedQuotes(levels: number): Json {
  let block: Json = paragraph(text("deep"));
  for (let i = 0; i < levels; i++) block = { type: "blockquote", content: [block] };
  return doc(block);
}

describe("documents within the allow-list are accepted", () => {
  it.each(["bold", "italic", "code"])("accepts the %s mark", (markType) => {
    const parsed = expectAccepted(withMark(markType));
    expect(JSON.stringify(parsed)).toContain(`"${markType}"`);
  });

  it("accepts combined bold, italic and link marks", () => {
    expectAccepted(doc(paragraph(text("both", [{ type: "bold" }, { type: "italic" }, link("https://example.com")]))));
  });

  it.each(["https://example.com/a?b=1&c=2#top", "http://example.org", "mailto:someone@example.com"])(
    "accepts a link to %s and keeps its href",
    (href) => {
      const parsed = expectAccepted(doc(paragraph(text("a link", [link(href)]))));
      expect(JSON.stringify(parsed)).toContain(JSON.stringify(href));
    },
  );

  it.each([2, 3])("accepts a level %i heading", (level) => {
    expectAccepted(doc({ type: "heading", attrs: { level }, content: [text("Title")] }));
  });

  it("accepts bullet lists, ordered lists (with a start), blockquotes and hard breaks", () => {
    expectAccepted(
      doc(
        { type: "bulletList", content: [listItem(paragraph(text("one"))), listItem(paragraph(text("two")))] },
        { type: "orderedList", attrs: { start: 3 }, content: [listItem(paragraph(text("three")))] },
        {
          type: "orderedList",
          content: [
            listItem(paragraph(text("first")), { type: "bulletList", content: [listItem(paragraph(text("nested")))] }),
          ],
        },
        { type: "blockquote", content: [paragraph(text("quoted"), { type: "hardBreak" }, text("second line"))] },
      ),
    );
  });

  it("accepts a mention of a member", () => {
    const parsed = expectAccepted(doc(paragraph(text("Hello "), mention(UUID_A, "Alice"))));
    expect(JSON.stringify(parsed)).toContain(UUID_A);
  });

  it("accepts the document as a JSON string as well as an object", () => {
    const value = doc(paragraph(text("as a string")));
    expect(parseDocument(JSON.stringify(value))).toEqual(parseDocument(value));
    expect(validateDocument(JSON.stringify(value)).ok).toBe(true);
  });

  it("accepts moderate nesting", () => {
    expectAccepted(nestedQuotes(3));
  });
});

describe("unknown nodes are refused", () => {
  it.each([
    ["an image block", doc({ type: "image", attrs: { src: "https://example.com/x.png" } })],
    ["an inline image", doc(paragraph(text("see "), { type: "image", attrs: { src: "https://example.com/x.png" } }))],
    ["an iframe", doc({ type: "iframe", attrs: { src: "https://example.com" } })],
    ["a code block", doc({ type: "codeBlock", content: [text("let x = 1;")] })],
    ["a level 1 heading", doc({ type: "heading", attrs: { level: 1 }, content: [text("Big")] })],
    ["a level 4 heading", doc({ type: "heading", attrs: { level: 4 }, content: [text("Small")] })],
    ["a heading without a level", doc({ type: "heading", content: [text("No level")] })],
    [
      "a table",
      doc({
        type: "table",
        content: [{ type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("x"))] }] }],
      }),
    ],
    ["a horizontal rule", doc(paragraph(text("a")), { type: "horizontalRule" })],
    ["a script node", doc({ type: "script", content: [text("alert(1)")] })],
    ["a list item directly under the document", doc(listItem(paragraph(text("orphan"))))],
    ["a paragraph inside a paragraph", doc(paragraph(paragraph(text("x")) as Json))],
    ["an empty document", doc()],
    ["a root that is not a document", paragraph(text("x"))],
    ["an empty text node", doc(paragraph(text("")))],
  ])("refuses %s", (_label, input) => {
    expectRefused(input, "editor.invalid");
  });

  it.each([null, undefined, 42, "plain text", [], {}])("refuses %j", (input) => {
    expectRefused(input);
  });
});

describe("unknown marks are refused", () => {
  it.each(["strike", "underline", "textStyle", "highlight", "subscript"])("refuses the %s mark", (markType) => {
    expectRefused(withMark(markType), "editor.invalid");
  });

  it("refuses a textStyle mark carrying a style", () => {
    expectRefused(doc(paragraph(text("red", [{ type: "textStyle", attrs: { color: "red" } }]))), "editor.invalid");
  });
});

describe("link targets", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "/relative/path",
    "relative/path",
    "//evil.example/x",
    "#anchor",
    "",
  ])("refuses a link to %j with editor.linkNotAllowed", (href) => {
    expect(isAllowedHref(href)).toBe(false);
    expectRefused(doc(paragraph(text("click", [link(href)]))), "editor.linkNotAllowed");
  });

  it("refuses a link without an href", () => {
    expectRefused(doc(paragraph(text("click", [{ type: "link", attrs: {} }]))));
    expectRefused(doc(paragraph(text("click", [{ type: "link" }]))));
  });

  it("refuses an overly long link target", () => {
    const href = `https://example.com/${"a".repeat(3_000)}`;
    expect(isAllowedHref(href)).toBe(false);
    expectRefused(doc(paragraph(text("long", [link(href)]))), "editor.linkNotAllowed");
  });

  it("allows only http, https and mailto", () => {
    expect(isAllowedHref("https://example.com")).toBe(true);
    expect(isAllowedHref("http://example.com")).toBe(true);
    expect(isAllowedHref("mailto:a@example.com")).toBe(true);
    expect(isAllowedHref("ftp://example.com")).toBe(false);
    expect(isAllowedHref("file:///etc/passwd")).toBe(false);
  });
});

describe("size limits", () => {
  it(`refuses documents nested deeper than DOC_LIMITS.maxDepth (${DOC_LIMITS.maxDepth})`, () => {
    expectRefused(nestedQuotes(DOC_LIMITS.maxDepth), "editor.tooDeep");
    expectRefused(nestedQuotes(DOC_LIMITS.maxDepth + 1), "editor.tooDeep");
    expectRefused(nestedQuotes(200), "editor.tooDeep");
  });

  it("counts depth from the document down to the text", () => {
    // doc > blockquote × n > paragraph > text: the text sits n + 2 levels below the document.
    expectAccepted(nestedQuotes(DOC_LIMITS.maxDepth - 2));
    expectRefused(nestedQuotes(DOC_LIMITS.maxDepth - 1), "editor.tooDeep");
  });

  it("refuses deeply nested lists", () => {
    let list: Json = { type: "bulletList", content: [listItem(paragraph(text("x")))] };
    for (let i = 0; i < DOC_LIMITS.maxDepth; i++)
      list = { type: "bulletList", content: [listItem(paragraph(text("x")), list)] };
    expectRefused(doc(list), "editor.tooDeep");
  });

  it(`refuses a JSON string longer than DOC_LIMITS.maxBytes (${DOC_LIMITS.maxBytes})`, () => {
    const chunk = "a".repeat(DOC_LIMITS.maxTextLength - 1);
    const big = doc(
      ...Array.from({ length: Math.ceil(DOC_LIMITS.maxBytes / chunk.length) + 1 }, () => paragraph(text(chunk))),
    );
    const json = JSON.stringify(big);
    expect(json.length).toBeGreaterThan(DOC_LIMITS.maxBytes);
    expectRefused(json, "editor.tooLong");
    expectRefused(big, "editor.tooLong");
  });

  it("accepts a document just under the size limit", () => {
    const chunk = "a".repeat(10_000);
    const fits = doc(...Array.from({ length: 9 }, () => paragraph(text(chunk))));
    expect(JSON.stringify(fits).length).toBeLessThan(DOC_LIMITS.maxBytes);
    expectAccepted(JSON.stringify(fits));
  });

  it("refuses a single text node longer than DOC_LIMITS.maxTextLength", () => {
    expectRefused(doc(paragraph(text("a".repeat(DOC_LIMITS.maxTextLength + 1)))), "editor.invalid");
  });

  it("refuses more than DOC_LIMITS.maxNodes nodes as too long, even when small in bytes", () => {
    // Real nodes cannot reach maxNodes within maxBytes; bare objects can, and are counted first.
    const many = doc(...Array.from({ length: DOC_LIMITS.maxNodes + 1 }, () => ({})));
    expect(JSON.stringify(many).length).toBeLessThan(DOC_LIMITS.maxBytes);
    expectRefused(many, "editor.tooLong");
    expectRefused(doc(...Array.from({ length: 10 }, () => ({}))), "editor.invalid");
  });

  it.each(["{", "not json", '{"type":"doc","content":[', "{'type':'doc'}"])("refuses invalid JSON %j", (input) => {
    expectRefused(input, "editor.invalid");
  });
});

describe("mentions", () => {
  it.each(["42", "not-a-uuid", "7b0a3a3e2c1f4d0b9a576b2f4d9c1e11", `${UUID_A}"onclick="x`, ""])(
    "refuses a mention whose id is %j",
    (id) => {
      expectRefused(doc(paragraph(mention(id, "Alice"))), "editor.invalid");
    },
  );

  it("refuses an empty, blank or overly long label", () => {
    expectRefused(doc(paragraph(mention(UUID_A, ""))));
    expectRefused(doc(paragraph(mention(UUID_A, "   "))));
    expectRefused(doc(paragraph(mention(UUID_A, "a".repeat(61)))));
  });
});

describe("extra attributes are stripped", () => {
  const dirty = {
    type: "doc",
    attrs: { onload: "alert(1)" },
    content: [
      {
        type: "paragraph",
        attrs: { style: "color:red", class: "evil", onclick: "alert(1)" },
        content: [
          {
            type: "text",
            text: "click me",
            onclick: "alert(1)",
            marks: [
              { type: "bold", attrs: { style: "x", class: "evil" } },
              {
                type: "link",
                attrs: {
                  href: "https://example.com",
                  onclick: "alert(1)",
                  class: "evil",
                  style: "x",
                  target: "_self",
                  rel: "opener",
                },
              },
            ],
          },
          { type: "mention", attrs: { id: UUID_A, label: "Alice", onclick: "alert(1)", class: "evil" } },
        ],
      },
      {
        type: "heading",
        attrs: { level: 2, style: "x", onclick: "alert(1)" },
        content: [{ type: "text", text: "Title" }],
      },
      {
        type: "blockquote",
        attrs: { class: "evil" },
        content: [{ type: "paragraph", content: [{ type: "text", text: "q" }] }],
      },
    ],
  };

  it("keeps the content but drops every attribute outside the allow-list", () => {
    const parsed = expectAccepted(dirty);
    const json = JSON.stringify(parsed);
    for (const forbidden of ["onclick", "onload", "style", "class", "evil", "_self", "opener", "alert"]) {
      expect(json, forbidden).not.toContain(forbidden);
    }
    expect(json).toContain("click me");
    expect(json).toContain("https://example.com");
    expect(json).toContain(UUID_A);
  });

  it("strips them in parseDocument too", () => {
    const result = parseDocument(dirty);
    expect(result.ok).toBe(true);
    if (result.ok) expect(JSON.stringify(result.doc)).not.toMatch(/onclick|onload|style|class/);
  });
});

describe("editor schema rules", () => {
  it("refuses a list item whose first child is a heading", () => {
    const input = doc({
      type: "bulletList",
      content: [listItem({ type: "heading", attrs: { level: 2 }, content: [text("Title")] })],
    });
    expect(parseDocument(input).ok).toBe(true); // the zod allow-list alone lets it through
    const result = validateDocument(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe("editor.invalid");
  });

  it("accepts a list item whose heading follows a paragraph", () => {
    expectAccepted(
      doc({
        type: "bulletList",
        content: [listItem(paragraph(text("p")), { type: "heading", attrs: { level: 3 }, content: [text("h")] })],
      }),
    );
  });
});

describe("richTextBodySchema", () => {
  it.each([
    ["whitespace-only text", doc(paragraph(text("   \t  ")))],
    ["an empty paragraph", doc({ type: "paragraph" })],
    [
      "several blank paragraphs and a hard break",
      doc(paragraph(text(" ")), paragraph({ type: "hardBreak" }), paragraph(text("\n"))),
    ],
    ["a blank list", doc({ type: "bulletList", content: [listItem(paragraph(text("  ")))] })],
  ])("refuses %s with editor.empty", (_label, input) => {
    const result = richTextBodySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["editor.empty"]);
  });

  it("accepts a document holding only a mention", () => {
    const result = richTextBodySchema.safeParse(doc(paragraph(mention(UUID_A, "Alice"))));
    expect(result.success).toBe(true);
  });

  it("accepts a normal document and gives back the parsed document", () => {
    const result = richTextBodySchema.safeParse(JSON.stringify(doc(paragraph(text("Bonjour")))));
    expect(result.success).toBe(true);
    expect(JSON.stringify(result.data)).toContain("Bonjour");
  });

  it("passes on the allow-list error keys", () => {
    const badLink = richTextBodySchema.safeParse(doc(paragraph(text("x", [link("javascript:alert(1)")]))));
    expect(badLink.error?.issues.map((issue) => issue.message)).toEqual(["editor.linkNotAllowed"]);
    const image = richTextBodySchema.safeParse(doc({ type: "image", attrs: { src: "https://example.com/x.png" } }));
    expect(image.error?.issues.map((issue) => issue.message)).toEqual(["editor.invalid"]);
  });
});
