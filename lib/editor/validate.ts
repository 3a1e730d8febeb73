import "server-only";
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { parseDocument, type ParseDocumentResult } from "./document";
import { baseExtensions } from "./extensions";

let schema: Schema | undefined;

/**
 * Full server-side validation of an incoming document: the zod allow-list (node and mark
 * types, link targets, sizes), then the editor schema's own nesting rules.
 */
export function validateDocument(input: unknown): ParseDocumentResult {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  try {
    schema ??= getSchema(baseExtensions());
    schema.nodeFromJSON(parsed.doc).check();
  } catch {
    return { ok: false, error: "editor.invalid" };
  }
  return parsed;
}
