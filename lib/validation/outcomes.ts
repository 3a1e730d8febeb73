import "server-only";
import { z } from "zod";
import { outcomeKinds, outcomeSharings } from "@/lib/domain/outcomes";
import { blankToNull, isoDate } from "./offers";
import { cleanString } from "./text";

const optionalId = z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()).optional();

/** "J'ai trouvé !" (new or corrected): the dates are checked against today and the member's joining in the service. */
export const outcomeSchema = z.object({
  id: optionalId,
  applicationId: optionalId,
  kind: z.enum(outcomeKinds, { error: "outcomes.errors.kindRequired" }),
  isEss: z.enum(["yes", "no"], { error: "outcomes.errors.essRequired" }).transform((value) => value === "yes"),
  organisation: z.preprocess(
    blankToNull,
    cleanString().pipe(z.string().trim().max(120, "outcomes.errors.organisationTooLong")).nullable(),
  ),
  startsOn: isoDate("outcomes.errors.startsOnInvalid"),
  sharing: z.enum(outcomeSharings, { error: "outcomes.errors.sharingRequired" }),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const outcomeIdSchema = z.object({ id: z.coerce.number().int().positive() });
