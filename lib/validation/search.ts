import "server-only";
import { z } from "zod";
import { offerContracts, workModes } from "@/lib/domain/offers";
import { searchSorts, searchTypes } from "@/lib/domain/search";
import { isDepartementCode, normalizeDepartementCode } from "@/lib/offers/departements";

/**
 * Search input, shared by the page (URL parameters), the JSON routes and the services. Any
 * string is a valid query (it is cut, never refused); a malformed filter is ignored rather than
 * an error, so a hand-edited or stale URL still shows results.
 */

const anyText = z
  .unknown()
  .transform((value) => (typeof value === "string" ? value.slice(0, 2_000) : ""))
  .catch("");

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(value)));

export const searchInputSchema = z.object({
  q: anyText,
  type: z.enum(searchTypes).catch("all"),
  sort: z.enum(searchSorts).catch("relevance"),
  channel: optional(z.string().regex(/^[a-z0-9-]{1,64}$/)),
  author: optional(z.uuid()),
  from: optional(calendarDate),
  to: optional(calendarDate),
  solved: z
    .unknown()
    .transform((value) => value === "1" || value === "true" || value === true)
    .catch(false),
  contract: optional(z.enum(offerContracts)),
  workMode: optional(z.enum(workModes)),
  department: optional(
    z
      .string()
      .transform(normalizeDepartementCode)
      .refine((code) => isDepartementCode(code)),
  ),
  cursor: optional(z.string().max(400)),
});
export type SearchInput = z.infer<typeof searchInputSchema>;

export const suggestInputSchema = z.object({ q: anyText });

export const similarThreadsInputSchema = z.object({
  title: anyText,
  channel: optional(z.string().regex(/^[a-z0-9-]{1,64}$/)),
});
export type SimilarThreadsInput = z.infer<typeof similarThreadsInputSchema>;
