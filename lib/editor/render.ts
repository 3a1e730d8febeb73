import {
  isAllowedHref,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type Mark,
  type RichTextDocument,
} from "./document";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function renderMarks(html: string, marks: Mark[] | undefined): string {
  if (!marks) return html;
  // Link outermost, then bold, italic, code: a stable nesting whatever order the editor sent.
  const order = ["code", "italic", "bold", "link"];
  const sorted = [...marks].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type));
  for (const mark of sorted) {
    if (mark.type === "bold") html = `<strong>${html}</strong>`;
    else if (mark.type === "italic") html = `<em>${html}</em>`;
    else if (mark.type === "code") html = `<code>${html}</code>`;
    else if (mark.type === "link" && isAllowedHref(mark.attrs.href)) {
      html = `<a href="${escapeHtml(mark.attrs.href)}" rel="nofollow ugc noopener" target="_blank">${html}</a>`;
    }
  }
  return html;
}

function renderInline(nodes: InlineNode[] | undefined): string {
  if (!nodes) return "";
  return nodes
    .map((node) => {
      if (node.type === "text") return renderMarks(escapeHtml(node.text), node.marks);
      if (node.type === "hardBreak") return "<br>";
      return `<span class="mention" data-user-id="${escapeHtml(node.attrs.id)}">@${escapeHtml(node.attrs.label)}</span>`;
    })
    .join("");
}

function renderBlocks(nodes: BlockNode[]): string {
  return nodes.map(renderBlock).join("");
}

function renderItems(items: ListItemNode[]): string {
  return items.map((item) => `<li>${renderBlocks(item.content)}</li>`).join("");
}

function renderBlock(node: BlockNode): string {
  switch (node.type) {
    case "paragraph":
      return `<p>${renderInline(node.content)}</p>`;
    case "heading": {
      const tag = node.attrs.level === 2 ? "h2" : "h3";
      return `<${tag}>${renderInline(node.content)}</${tag}>`;
    }
    case "blockquote":
      return `<blockquote>${renderBlocks(node.content)}</blockquote>`;
    case "bulletList":
      return `<ul>${renderItems(node.content)}</ul>`;
    case "orderedList": {
      const start = node.attrs?.start;
      return `<ol${start !== undefined && start !== 1 ? ` start="${start}"` : ""}>${renderItems(node.content)}</ol>`;
    }
  }
}

/**
 * Renders a validated document to HTML. Only allow-listed tags are produced, every text and
 * attribute is escaped, and links are re-checked: the output is safe to inject as is.
 */
export function renderDocumentHtml(doc: RichTextDocument): string {
  return renderBlocks(doc.content);
}

function inlineText(nodes: InlineNode[] | undefined): string {
  if (!nodes) return "";
  return nodes
    .map((node) => (node.type === "text" ? node.text : node.type === "hardBreak" ? "\n" : `@${node.attrs.label}`))
    .join("");
}

function blockText(node: BlockNode | ListItemNode): string {
  if (node.type === "paragraph" || node.type === "heading") return inlineText(node.content);
  return (node.content as (BlockNode | ListItemNode)[]).map(blockText).join("\n");
}

/** Plain text of a document, one line per block: for excerpts, search and notifications. */
export function documentText(doc: RichTextDocument): string {
  return doc.content.map(blockText).join("\n").trim();
}

/** Ids of the members mentioned in a document. */
export function mentionedUserIds(doc: RichTextDocument): string[] {
  const ids = new Set<string>();
  const visit = (node: BlockNode | ListItemNode | InlineNode) => {
    if (node.type === "mention") ids.add(node.attrs.id);
    const children = (node as { content?: (BlockNode | ListItemNode | InlineNode)[] }).content;
    children?.forEach(visit);
  };
  doc.content.forEach(visit);
  return [...ids];
}

/** A short excerpt of plain text for lists and previews. */
export function excerptOf(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** Builds a document from plain paragraphs (seed data, pasted text, tests). */
export function documentFromText(text: string): RichTextDocument {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean);
  return {
    type: "doc",
    content: (paragraphs.length ? paragraphs : [""]).map((part) => ({
      type: "paragraph" as const,
      // Single line breaks (a rubric's one line per criterion) stay line breaks.
      content: part
        ? part
            .split("\n")
            .flatMap((line, index) => [
              ...(index ? [{ type: "hardBreak" as const }] : []),
              ...(line ? [{ type: "text" as const, text: line }] : []),
            ])
        : undefined,
    })),
  };
}
