"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import {
  confirmTwoFactorSetup,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from "@/lib/auth/two-factor";
import { getDb } from "@/lib/db";
import { signOutOtherDevices } from "@/lib/auth/sessions";
import { secondFactorCodeSchema } from "@/lib/validation/auth";

// Every action acts on the signed-in account's own settings only (no id is ever taken from the form).
const account = (user: { id: string; sessionId: string } | null) => ({ userId: user!.id, sessionId: user!.sessionId });

export const startTwoFactorAction = formAction(
  z.object({}),
  async (_input, { user }) => {
    await startTwoFactorSetup(getDb(), { userId: user!.id });
    revalidatePath("/settings/securite");
  },
  { requireUser: true },
);

/** Returns the recovery codes, shown once. */
export const confirmTwoFactorAction = formAction(
  secondFactorCodeSchema,
  async ({ code }, { user }) => {
    // No revalidation here: the page would re-render without the form holding the codes, shown
    // once. "J'ai noté mes codes" reloads it.
    return { codes: await confirmTwoFactorSetup(getDb(), account(user), code) };
  },
  { requireUser: true, secretFields: ["code"] },
);

export const regenerateRecoveryCodesAction = formAction(
  secondFactorCodeSchema,
  async ({ code }, { user }) => ({ codes: await regenerateRecoveryCodes(getDb(), account(user), code) }),
  { requireUser: true, secretFields: ["code"] },
);

export const turnOffTwoFactorAction = formAction(
  secondFactorCodeSchema,
  async ({ code }, { user }) => {
    await turnOffTwoFactor(getDb(), account(user), code);
    revalidatePath("/settings/securite");
  },
  { requireUser: true, secretFields: ["code"] },
);

/** "Se déconnecter des autres appareils": this one stays signed in. */
export const signOutOtherDevicesAction = formAction(
  z.object({}),
  async (_input, { user }) => {
    const count = await signOutOtherDevices(getDb(), account(user));
    revalidatePath("/settings/securite");
    return { count };
  },
  { requireUser: true },
);
