import { jsonRoute } from "@/lib/api";
import { getMyApplication, updateMyApplication } from "@/lib/offers/tracker";
import { applicationIdSchema, updateApplicationSchema } from "@/lib/validation/offers";
import { contextFor } from "@/lib/context";

/**
 * The signed-in member's own tracker entry. Another member's id answers 404 (the owner's id
 * is in the SQL), exactly like an id that does not exist.
 */
export const GET = jsonRoute(applicationIdSchema, async ({ id }, { user }) => {
  const entry = await getMyApplication(contextFor(user), { id });
  return { body: entry };
});

export const PATCH = jsonRoute(updateApplicationSchema, async (input, { user }) => {
  const updated = await updateMyApplication(contextFor(user), input);
  return {
    body: {
      id: updated.id,
      status: updated.status,
      appliedOn: updated.appliedOn,
      interviewOn: updated.interviewOn,
      decidedOn: updated.decidedOn,
      note: updated.note,
    },
  };
});
