import "server-only";
import { z } from "zod";
import { offerContracts, workModes } from "@/lib/domain/offers";
import { isAllowedOutboundUrl } from "@/lib/outbound/public-address";
import { networkPolicy } from "@/lib/network/policy";

/** Another community's address: `https://` (http on this machine in tests), reduced to its origin. */
const sourceUrlSchema = z
  .string("network.urlInvalid")
  .trim()
  .max(300, "network.urlInvalid")
  .refine((value) => URL.canParse(value) && isAllowedOutboundUrl(value, networkPolicy()), "network.urlInvalid")
  .transform((value) => new URL(value).origin);

export const addNetworkSourceSchema = z.object({
  name: z.string("network.nameInvalid").trim().min(2, "network.nameInvalid").max(80, "network.nameInvalid"),
  url: sourceUrlSchema,
});
export type AddNetworkSourceInput = z.infer<typeof addNetworkSourceSchema>;

export const networkSourceIdSchema = z.object({ sourceId: z.coerce.number().int().positive() });

/** The filters of the "Offres du réseau" page; anything malformed is dropped, never an error. */
export const networkOfferFiltersSchema = z.object({
  contract: z.enum(offerContracts).optional().catch(undefined),
  workMode: z.enum(workModes).optional().catch(undefined),
  department: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/)
    .optional()
    .catch(undefined),
  source: z.coerce.number().int().positive().optional().catch(undefined),
  after: z.string().max(400).optional().catch(undefined),
});
export type NetworkOfferFiltersInput = z.infer<typeof networkOfferFiltersSchema>;
