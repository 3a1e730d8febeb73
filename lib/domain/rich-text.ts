/**
 * The shape of a stored rich-text document (Tiptap JSON), as plain types so the schema, the
 * queries and the UI can name it. The zod allow-list in lib/editor/document.ts parses untrusted
 * input into exactly this shape (checked at compile time there).
 */

export type Mark = { type: "link"; attrs: { href: string } } | { type: "bold" | "italic" | "code" };

export type InlineNode =
  | { type: "text"; text: string; marks?: Mark[] }
  | { type: "hardBreak" }
  | { type: "mention"; attrs: { id: string; label: string } };

export type BlockNode =
  | { type: "paragraph"; content?: InlineNode[] }
  | { type: "heading"; attrs: { level: 2 | 3 }; content?: InlineNode[] }
  | { type: "blockquote"; content: BlockNode[] }
  | { type: "bulletList"; content: ListItemNode[] }
  | { type: "orderedList"; attrs?: { start?: number }; content: ListItemNode[] };

export type ListItemNode = { type: "listItem"; content: BlockNode[] };

export type RichTextDocument = { type: "doc"; content: BlockNode[] };
