import { z } from "zod";
import { contrastFailures, isHexColor } from "@/lib/branding/contrast";
import { cleanString } from "./text";

const text = (max: number, min = 0) =>
  cleanString()
    .pipe(z.string().trim())
    .pipe(
      z
        .string()
        .min(min, min ? "branding.required" : undefined)
        .max(max, "branding.tooLong"),
    );

/**
 * A brand colour: `#rrggbb`, readable as text on the page and under white text (WCAG AA,
 * 4.5:1). The form shows the ratio live (same pure function); the server refuses a failing one.
 */
const brandColor = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isHexColor, "branding.colorFormat")
  .refine((value) => !isHexColor(value) || contrastFailures(value).length === 0, "branding.contrastFailed");

/** What admins edit in the settings page and the setup wizard asks first. */
export const brandingSchema = z.object({
  name: text(60, 2),
  description: text(300),
  territory: text(80),
  organisation: text(120),
  primaryColor: brandColor,
  secondaryColor: brandColor,
  emailSenderName: text(60),
  emailSignature: text(200),
  footerText: text(300),
});
export type BrandingInput = z.infer<typeof brandingSchema>;
