import type { CSSProperties } from "react";
import { mix } from "./contrast";
import { DEFAULT_BRANDING, type Branding } from "./defaults";

/**
 * The two brand colours as the CSS custom properties of app/globals.css's theme (set on
 * `<html>`, so they win over the built-in values). The dark and soft variants are derived, so
 * two colours are all an admin picks. Colours were checked as `#rrggbb` before being stored.
 */
export function brandStyle(branding: Pick<Branding, "primaryColor" | "secondaryColor">): CSSProperties | undefined {
  // The built-in palette's hand-picked variants stay as they are.
  const isDefault =
    branding.primaryColor === DEFAULT_BRANDING.primaryColor &&
    branding.secondaryColor === DEFAULT_BRANDING.secondaryColor;
  if (isDefault) return undefined;
  return {
    "--color-brand": branding.primaryColor,
    "--color-brand-dark": mix(branding.primaryColor, -0.2),
    "--color-brand-soft": mix(branding.primaryColor, 0.86),
    "--color-teal": branding.secondaryColor,
    "--color-teal-soft": mix(branding.secondaryColor, 0.86),
  } as CSSProperties;
}

/** The public address of the uploaded logo (its key in the query, so a new logo is a new URL). */
export function logoUrl(branding: Pick<Branding, "logo">): string | null {
  return branding.logo ? `/api/branding/logo?v=${branding.logo.key.slice(-12)}` : null;
}
