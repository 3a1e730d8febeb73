"use server";

import "server-only";

import { redirect } from "next/navigation";
import { formAction } from "@/lib/action";
import { getDb } from "@/lib/db";
import { completeSetup } from "@/lib/setup/service";
import { setupSchema } from "@/lib/validation/setup";

/**
 * The wizard's one submission. Public by nature (nobody has an account yet): the service
 * refuses it, changing nothing, as soon as an admin exists, so it cannot be replayed.
 */
export const completeSetupAction = formAction(
  setupSchema,
  async (input) => {
    await completeSetup(getDb(), input);
    redirect("/sign-in?installed=1");
  },
  { secretFields: ["adminPassword"] },
);
