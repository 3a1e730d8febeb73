import "server-only";
import { getDb } from "@/lib/db";
import { getPublicProfile, searchMembers } from "@/db/queries/users";

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
