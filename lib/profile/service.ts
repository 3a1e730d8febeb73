import "server-only";
import {
  getUserById,
  getPublicProfile,
  searchMembers,
  setPassword,
  setUserLocale,
  updateProfile,
} from "@/db/queries/users";
import type { ServiceContext } from "@/lib/context";
import { getDb } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { disconnectUser } from "@/lib/realtime/emit";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { canEditProfile } from "@/lib/permissions";
import type { UpdateProfileInput } from "@/lib/validation/profile";

/** The public part of an account (name, role, headline, bio, organisation, expertise), or null. */
export async function getProfile(userId: string) {
  return getPublicProfile(getDb(), { id: userId });
}

/**
 * Members whose name starts like the query (mention autocomplete). The caller checks
 * canSearchMembers first: the list is for members only.
 */
export async function findMembersByName(query: string) {
  return searchMembers(getDb(), { query });
}

/** The member edits their own profile. Organisation and expertise are kept for a later pro request. */
export async function updateMyProfile({ db, actor }: ServiceContext, input: UpdateProfileInput) {
  if (!actor || !canEditProfile(actor, actor.id)) throw new AppError("unauthenticated");
  const profile = await updateProfile(db, { userId: actor.id, ...input });
  if (!profile) throw new AppError("not_found");
  return profile;
}

/**
 * Changes the member's password after checking the current one. It bumps the session version:
 * every session, the caller's included, ends. Returns the address to sign this device in again.
 */
export async function changeMyPassword(
  { db, actor }: ServiceContext,
  input: { currentPassword: string; password: string },
): Promise<{ email: string }> {
  if (!actor) throw new AppError("unauthenticated");
  const account = await getUserById(db, { id: actor.id });
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError("bad_request", "settings.wrongCurrentPassword");
  }
  await setPassword(db, { userId: actor.id, passwordHash: await hashPassword(input.password) });
  // Every session ended: the other devices' open tabs stop receiving live events at once.
  disconnectUser(actor.id);
  return { email: account.email };
}

/** Remembers the interface language on the account (signed-in members only). */
export async function setMyLocale({ db, actor }: ServiceContext, locale: Locale): Promise<void> {
  if (actor) await setUserLocale(db, { userId: actor.id, locale });
}
