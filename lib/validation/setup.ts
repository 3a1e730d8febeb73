import { z } from "zod";
import { COMMUNITY_MODES } from "@/lib/admission/settings";
import { displayNameSchema, emailSchema, newPasswordSchema } from "./auth";
import { brandingSchema } from "./branding";

/** The setup wizard: the community's identity, the first admin, how people join, a programme. */
export const setupSchema = brandingSchema
  .pick({
    name: true,
    description: true,
    territory: true,
    organisation: true,
    primaryColor: true,
    secondaryColor: true,
  })
  .extend({
    adminName: displayNameSchema,
    adminEmail: emailSchema,
    adminPassword: newPasswordSchema,
    mode: z.enum(COMMUNITY_MODES),
    template: z.enum(["propulse", "entraide"]),
  });
export type SetupInput = z.infer<typeof setupSchema>;
