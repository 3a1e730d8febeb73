"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { signOut } from "@/lib/auth";
import { contextFor } from "@/lib/context";
import { eraseMemberAccount, eraseMyAccount } from "@/lib/data-ownership/erasure";
import { requestMyExport } from "@/lib/data-ownership/export";
import { eraseMemberAccountSchema, eraseMyAccountSchema, requestExportSchema } from "@/lib/validation/data-ownership";

/** `/settings/donnees`: prepares an archive (or returns the one being prepared). */
export const requestExportAction = formAction(
  requestExportSchema,
  async (input, { user }) => {
    const result = await requestMyExport(contextFor(user), input);
    revalidatePath("/settings/donnees");
    return result;
  },
  { requireUser: true, secretFields: ["password", "code"] },
);

/** `/settings/supprimer-mon-compte`: erases the account, then ends this browser's session too. */
export const eraseMyAccountAction = formAction(
  eraseMyAccountSchema,
  async (input, { user }) => {
    await eraseMyAccount(contextFor(user), input);
    await signOut({ redirectTo: "/compte-supprime" });
  },
  { requireUser: true, secretFields: ["password", "code"] },
);

/** Facilitators and admins, on a member's request (audited with the reason). */
export const eraseMemberAccountAction = formAction(eraseMemberAccountSchema, async (input, { user }) => {
  await eraseMemberAccount(contextFor(user), input);
  revalidatePath("/moderation", "layout");
  return { done: "erased" as const };
});
