/**
 * WCAG 2.x contrast between two sRGB colours written `#rrggbb`. Pure: used by the settings
 * form's validation (lib/validation/branding.ts) and the setup wizard.
 */

const HEX = /^#[0-9a-f]{6}$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value);
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance (WCAG 2.2, §1.4.3 definition), 0 for black to 1 for white. */
export function relativeLuminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** The contrast ratio, from 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA for normal-size text. */
export const AA_NORMAL_TEXT = 4.5;

/**
 * The colours a brand colour meets in the interface (app/globals.css): white text on buttons
 * and badges, and the colour itself as text or links on the page background and on white cards.
 */
export const TEXT_SURFACES = [
  { name: "white", hex: "#ffffff" },
  { name: "cream", hex: "#fbf7f2" },
] as const;

export type ContrastFailure = { surface: string; ratio: number };

/** Where `color` fails AA against the text surfaces, with the ratio rounded down to 0.01. */
export function contrastFailures(color: string): ContrastFailure[] {
  return TEXT_SURFACES.map((surface) => ({
    surface: surface.name,
    ratio: Math.floor(contrastRatio(color, surface.hex) * 100) / 100,
  })).filter((failure) => failure.ratio < AA_NORMAL_TEXT);
}

/** Mixes `color` with white (amount > 0) or black (amount < 0), for the soft and dark variants. */
export function mix(color: string, amount: number): string {
  const target = amount > 0 ? 255 : 0;
  const weight = Math.abs(amount);
  const n = Number.parseInt(color.slice(1), 16);
  const parts = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.round(c + (target - c) * weight));
  return `#${parts.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}
