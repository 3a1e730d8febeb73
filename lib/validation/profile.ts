import "server-only";
import { z } from "zod";
import { displayNameSchema } from "./auth";
import { cleanString } from "./text";

const optionalText = (max: number, key: string) =>
  cleanString()
    .pipe(z.string().trim().max(max, key))
    .transform((value) => (value === "" ? null : value));

/**
 * Comma-separated fields of expertise, as typed in a form: at most 8 of up to 40 characters,
 * trimmed, duplicates dropped. With `requiredMessage`, an empty list is refused with that message.
 */
export function expertiseListSchema({ requiredMessage }: { requiredMessage?: string } = {}) {
  const items = z.array(z.string().max(40, "validation.expertiseItemTooLong"));
  return cleanString()
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
    .pipe((requiredMessage ? items.min(1, requiredMessage) : items).max(8, "validation.expertiseTooMany"));
}

export const updateProfileSchema = z.object({
  name: displayNameSchema,
  headline: optionalText(120, "validation.headlineTooLong"),
  bio: optionalText(1000, "validation.bioTooLong"),
  organisation: optionalText(120, "validation.organisationTooLong"),
  expertise: expertiseListSchema(),
  seeking: optionalText(120, "validation.seekingTooLong"),
  location: optionalText(80, "validation.locationTooLong"),
});
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;
