import { z } from "zod";
import type { BlockNode, InlineNode, ListItemNode, Mark, RichTextDocument } from "@/lib/domain/rich-text";
import { cleanString } from "@/lib/validation/text";

/** Limits on one rich-text document. */
export const DOC_LIMITS = { maxBytes: 100_000, maxTextLength: 20_000, maxDepth: 10, maxNodes: 5_000 } as const;

export const ALLOWED_LINK_PROTOCOLS = ["http:", "https:", "mailto:"] as const;

/** True for absolute http(s) and mailto URLs, the only link targets we render. */
export function isAllowedHref(href: string): boolean {
  if (href.length > 2_000 || /[\u0000-\u001f\s]/.test(href)) return false;
  try {
    const url = new URL(href);
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(url.protocol);
  } catch {
    return false;
  }
}

const linkMark = z.object({
  type: z.literal("link"),
  attrs: z.object({ href: z.string().refine(isAllowedHref, "editor.linkNotAllowed") }),
});
const simpleMark = z.object({ type: z.enum(["bold", "italic", "code"]) });
const mark = z.discriminatedUnion("type", [linkMark, simpleMark]);

const textNode = z.object({
  type: z.literal("text"),
  text: cleanString().pipe(z.string().min(1).max(DOC_LIMITS.maxTextLength)),
  marks: z.array(mark).max(4).optional(),
});
const hardBreak = z.object({ type: z.literal("hardBreak") });
const mentionNode = z.object({
  type: z.literal("mention"),
  attrs: z.object({
    id: z.uuid(),
    label: cleanString().pipe(z.string().trim().min(1).max(60)),
  }),
});
const inline = z.discriminatedUnion("type", [textNode, hardBreak, mentionNode]);
const inlineContent = z.array(inline).max(2_000).optional();

export type { BlockNode, InlineNode, ListItemNode, Mark, RichTextDocument };

// Compile-time proof that the allow-list parses exactly the shapes lib/domain declares (identical types).
type IsSameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const inlineSchemaMatchesDomain: IsSameType<z.infer<typeof mark>, Mark> &
  IsSameType<z.infer<typeof inline>, InlineNode> = true;
void inlineSchemaMatchesDomain;

const block: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    z.object({ type: z.literal("paragraph"), content: inlineContent }),
    z.object({
      type: z.literal("heading"),
      attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
      content: inlineContent,
    }),
    z.object({ type: z.literal("blockquote"), content: z.array(block).min(1).max(200) }),
    z.object({ type: z.literal("bulletList"), content: z.array(listItem).min(1).max(500) }),
    z.object({
      type: z.literal("orderedList"),
      attrs: z.object({ start: z.number().int().min(0).max(10_000).optional() }).optional(),
      content: z.array(listItem).min(1).max(500),
    }),
  ]),
);
const listItem: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.array(block).min(1).max(200) }),
);

/** The allow-list: any node, mark or link target outside it makes the document invalid. */
export const richTextDocumentSchema = z.object({
  type: z.literal("doc"),
  content: z.array(block).min(1).max(2_000),
});

function measure(node: unknown, depth = 0): { depth: number; nodes: number } {
  if (!node || typeof node !== "object") return { depth, nodes: 0 };
  const children = (node as { content?: unknown }).content;
  let maxDepth = depth;
  let nodes = 1;
  if (Array.isArray(children)) {
    for (const child of children) {
      const m = measure(child, depth + 1);
      maxDepth = Math.max(maxDepth, m.depth);
      nodes += m.nodes;
      if (maxDepth > DOC_LIMITS.maxDepth + 1 || nodes > DOC_LIMITS.maxNodes) break;
    }
  }
  return { depth: maxDepth, nodes };
}

export type ParseDocumentResult = { ok: true; doc: RichTextDocument } | { ok: false; error: string };

/**
 * Parses untrusted input (a JSON string or an object) into an allow-listed document.
 * Error strings are i18n keys.
 */
export function parseDocument(input: unknown): ParseDocumentResult {
  let value = input;
  if (typeof input === "string") {
    if (input.length > DOC_LIMITS.maxBytes) return { ok: false, error: "editor.tooLong" };
    try {
      value = JSON.parse(input);
    } catch {
      return { ok: false, error: "editor.invalid" };
    }
  } else if (JSON.stringify(input ?? null).length > DOC_LIMITS.maxBytes) {
    return { ok: false, error: "editor.tooLong" };
  }
  const size = measure(value);
  if (size.depth > DOC_LIMITS.maxDepth) return { ok: false, error: "editor.tooDeep" };
  if (size.nodes > DOC_LIMITS.maxNodes) return { ok: false, error: "editor.tooLong" };
  const parsed = richTextDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const isLink = parsed.error.issues.some((issue) => issue.message === "editor.linkNotAllowed");
    return { ok: false, error: isLink ? "editor.linkNotAllowed" : "editor.invalid" };
  }
  return { ok: true, doc: parsed.data as RichTextDocument };
}
