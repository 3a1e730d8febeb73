import { z } from "zod";

// NUL cannot be stored in PostgreSQL text; other C0 controls (but tab and newlines) only hide text.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Removes control characters that have no business in user text. */
export function stripControlChars(value: string): string {
  return value.replace(CONTROL_CHARS, "");
}

/** A string schema that drops control characters before any other check. */
export function cleanString() {
  return z.string().transform(stripControlChars);
}
