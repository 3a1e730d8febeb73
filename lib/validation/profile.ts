import "server-only";
import { z } from "zod";
import { displayNameSchema } from "./auth";
import { cleanString } from "./text";

const optionalText = (max: number, key: string) =>
  cleanString()
    .pipe(z.string().trim().max(max, key))
    .transform((value) => (value === "" ? null : value));

export const updateProfileSchema = z.object({
  name: displayNameSchema,
  headline: optionalText(120, "validation.headlineTooLong"),
  bio: optionalText(1000, "validation.bioTooLong"),
  organisation: optionalText(120, "validation.organisationTooLong"),
  // Comma-separated in the form; at most 8 fields of up to 40 characters.
  expertise: cleanString()
    .pipe(z.string().max(400, "validation.expertiseTooLong"))
    .transform((value) =>
      Array.from(
        new Set(
          value
            .split(",")
            .map((item) => item.trim())
            .filter(Boolean),
        ),
      ),
    )
    .pipe(z.array(z.string().max(40, "validation.expertiseItemTooLong")).max(8, "validation.expertiseTooMany")),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
