"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/action";
import { signIn } from "@/lib/auth";
import { contextFor } from "@/lib/context";
import { changeMyPassword, updateMyProfile } from "@/lib/profile/service";
import { changePasswordSchema } from "@/lib/validation/auth";
import { updateProfileSchema } from "@/lib/validation/profile";

export const updateProfileAction = formAction(
  updateProfileSchema,
  async (input, { user }) => {
    const profile = await updateMyProfile(contextFor(user), input);
    revalidatePath("/", "layout");
    return { name: profile.name };
  },
  { requireUser: true },
);

export const changePasswordAction = formAction(
  changePasswordSchema,
  async (input, { user }) => {
    // Every session, this one included, ends with the change...
    const { email } = await changeMyPassword(contextFor(user), input);
    // ...so this device signs in again at once with the new password.
    await signIn("credentials", { email, password: input.password, redirectTo: "/settings/profile?password=changed" });
  },
  { requireUser: true },
);
