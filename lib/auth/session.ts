import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { getUserById } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { auth } from "./index";

export type CurrentUser = Pick<
  User,
  "id" | "name" | "email" | "role" | "status" | "organisation" | "headline" | "locale" | "createdAt"
>;

/**
 * The signed-in account for this request, or null. JWTs cannot be revoked on their own, so
 * every read checks the account: a suspension, role change or password change (which bump
 * `sessionVersion`) ends older sessions on the very next request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await getUserById(getDb(), { id: userId });
  if (!user || user.sessionVersion !== session.sessionVersion || user.status === "suspended") return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    organisation: user.organisation,
    headline: user.headline,
    locale: user.locale,
    createdAt: user.createdAt,
  };
});
