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

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): `cv\u202Efdp.exe` shows as
 * "cvexe.pdf". Plain text here never needs them, so titles, names and file names drop them.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes bidirectional control characters. */
export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}

/**
 * Characters that show nothing: spaces, format characters (zero-width space and joiners, soft
 * hyphen, BOM…), the combining grapheme joiner, Hangul fillers and the blank braille pattern.
 */
const INVISIBLE = /[\s\p{Cf}\p{Zs}\u034f\u115f\u1160\u3164\uffa0\u2800]/gu;

/** Whether a text shows at least one visible character. */
export function hasVisibleText(value: string): boolean {
  return value.replace(INVISIBLE, "").length > 0;
}

/**
 * A one-line text people read as a name or a title: control and bidi characters dropped,
 * trimmed, and refused with `invisibleMessage` when nothing visible is left (a title made of
 * zero-width spaces), before the length checks of `then`.
 */
export function visibleLine(invisibleMessage: string) {
  return cleanString().transform(stripBidiControls).pipe(z.string().trim()).refine(hasVisibleText, invisibleMessage);
}
