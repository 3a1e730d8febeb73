"use server";

import "server-only";

import { revalidatePath } from "next/cache";
import { getDb } from "@/lib/db";
import { getUserById, setPassword, updateProfile } from "@/db/queries/users";
import { formAction } from "@/lib/action";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signIn } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { canEditProfile } from "@/lib/permissions";
import { changePasswordSchema } from "@/lib/validation/auth";
import { updateProfileSchema } from "@/lib/validation/profile";

export const updateProfileAction = formAction(
  updateProfileSchema,
  async (input, { user }) => {
    if (!user || !canEditProfile(user, user.id)) throw new AppError("unauthenticated");
    // Organisation and expertise are shown only for pros, but kept so a pro request can reuse them.
    const profile = await updateProfile(getDb(), { userId: user.id, ...input });
    if (!profile) throw new AppError("not_found");
    revalidatePath("/", "layout");
    return { name: profile.name };
  },
  { requireUser: true },
);

export const changePasswordAction = formAction(
  changePasswordSchema,
  async (input, { user }) => {
    if (!user) throw new AppError("unauthenticated");
    const db = getDb();
    const account = await getUserById(db, { id: user.id });
    if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
      throw new AppError("bad_request", "settings.wrongCurrentPassword");
    }
    // Bumps the session version: every session, this one included, ends...
    await setPassword(db, { userId: user.id, passwordHash: await hashPassword(input.password) });
    // ...so this device signs in again at once with the new password.
    await signIn("credentials", {
      email: account.email,
      password: input.password,
      redirectTo: "/settings/profile?password=changed",
    });
  },
  { requireUser: true },
);
