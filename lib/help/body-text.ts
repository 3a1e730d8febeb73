import type { BlockNode, InlineNode, ListItemNode, RichTextDocument } from "@/lib/domain/rich-text";
import { isAppPath } from "./content";

/**
 * The help pages' text format, for the people who write templates (not developers):
 *
 * - plain text; a blank line between paragraphs; a line break inside a paragraph stays one;
 * - a line starting with "- " is an item of a bulleted list;
 * - `[words](/path)` links the words to a page of the app (a relative path, nothing else).
 *
 * `helpBodyDocument` turns it into the editor's document; `helpBodyText` writes a document back
 * in it (what the format cannot say — bold, headings, links to other sites — is flattened to
 * text), so that text → document → text gives the same text back.
 */

/** `[words](target)`: the words hold no bracket, the target no parenthesis nor space. */
const LINK = /\[([^[\]\n]+)\]\(([^()\s]*)\)/g;
const LIST_ITEM = /^- /;

/**
 * The targets of the `[words](target)` links of a body that are not paths of the app. Read
 * loosely (up to the first closing parenthesis or space), so `[x](javascript:alert(1))` is one.
 */
export function invalidLinkTargets(text: string): string[] {
  return [...text.matchAll(/\[[^[\]\n]+\]\(([^)\s]*)/g)]
    .map((match) => match[1]!)
    .filter((target) => !isAppPath(target));
}

function inlineNodes(line: string): InlineNode[] {
  const nodes: InlineNode[] = [];
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    const [whole, words, target] = match;
    if (!isAppPath(target!)) continue;
    if (match.index > last) nodes.push({ type: "text", text: line.slice(last, match.index) });
    nodes.push({ type: "text", text: words!, marks: [{ type: "link", attrs: { href: target! } }] });
    last = match.index + whole.length;
  }
  if (last < line.length) nodes.push({ type: "text", text: line.slice(last) });
  return nodes;
}

function paragraph(lines: string[]): BlockNode {
  const content = lines.flatMap((line, index) => [
    ...(index ? [{ type: "hardBreak" as const }] : []),
    ...inlineNodes(line),
  ]);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** The document of a body written in the help text format. */
export function helpBodyDocument(text: string): RichTextDocument {
  const blocks = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0);
  const content: BlockNode[] = [];
  for (const lines of blocks) {
    // A block may start with a sentence and go on with a list ("Pour cela :" then "- …").
    let run: string[] = [];
    let isList = false;
    const flush = () => {
      if (!run.length) return;
      if (isList) {
        const items = run.map((line) => line.replace(LIST_ITEM, "").trim()).filter(Boolean);
        if (items.length) {
          content.push({
            type: "bulletList",
            content: items.map((item) => ({ type: "listItem", content: [paragraph([item])] })),
          });
        }
      } else content.push(paragraph(run));
      run = [];
    };
    for (const line of lines) {
      const lineIsItem = LIST_ITEM.test(line);
      if (lineIsItem !== isList) flush();
      isList = lineIsItem;
      run.push(line);
    }
    flush();
  }
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** Plain text that must not read as a link when parsed again: `](` loosened to `] (`. */
function plain(text: string): string {
  return text.replace(/\]\(/g, "] (");
}

function inlineText(nodes: InlineNode[] | undefined, lineBreak: string): string {
  return (nodes ?? [])
    .map((node) => {
      if (node.type === "hardBreak") return lineBreak;
      if (node.type === "mention") return plain(`@${node.attrs.label}`);
      const link = node.marks?.find((mark) => mark.type === "link");
      if (!link || link.type !== "link") return plain(node.text);
      const words = node.text.replace(/[[\]\n]/g, "").trim();
      if (isAppPath(link.attrs.href) && words) return `[${words}](${link.attrs.href})`;
      // A link to another site: the format keeps its address as text.
      return node.text === link.attrs.href ? plain(node.text) : plain(`${node.text} (${link.attrs.href})`);
    })
    .join("");
}

type TextBlock = { isList: boolean; lines: string[] };

/** A document's blocks as the format's blocks (a paragraph or a list), flattening what it cannot say. */
function textBlocks(node: BlockNode): TextBlock[] {
  switch (node.type) {
    case "paragraph":
    case "heading":
      return [{ isList: false, lines: inlineText(node.content, "\n").split("\n") }];
    case "blockquote":
      return node.content.flatMap(textBlocks);
    case "bulletList":
    case "orderedList":
      return [{ isList: true, lines: node.content.flatMap((item) => itemLines(item)) }];
  }
}

/** One list item: its text on one line, the items of a nested list after it. */
function itemLines(item: ListItemNode): string[] {
  const own: string[] = [];
  const nested: string[] = [];
  for (const block of item.content) {
    if (block.type === "bulletList" || block.type === "orderedList") {
      nested.push(...block.content.flatMap((child) => itemLines(child)));
    } else {
      own.push(...textBlocks(block).flatMap((inner) => inner.lines));
    }
  }
  const text = own
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");
  return [...(text ? [`- ${text}`] : []), ...nested];
}

/** What reads as a link to another site once pieces are joined stays text: `](` loosened. */
function onlyAppLinks(line: string): string {
  return line.replace(LINK, (whole, _words: string, target: string) =>
    isAppPath(target) ? whole : whole.replace("](", "] ("),
  );
}

/**
 * A document written in the help text format (see above). Blocks are separated by a blank line,
 * except a list that follows a sentence ("Pour cela :" then its items): written as one would.
 */
export function helpBodyText(doc: RichTextDocument): string {
  const blocks = doc.content
    .flatMap(textBlocks)
    .map((block) => ({
      isList: block.isList,
      text: block.lines
        .map((line) => onlyAppLinks(line.trim()))
        .filter(Boolean)
        .join("\n"),
    }))
    .filter((block) => block.text);
  return blocks
    .map((block, index) => {
      if (index === 0) return block.text;
      const previous = blocks[index - 1]!;
      return `${block.isList && !previous.isList ? "\n" : "\n\n"}${block.text}`;
    })
    .join("");
}
