import type { Db } from "@/db";
import type { User } from "@/db/schema";
import { makeUser } from "@/db/test-factories";

/** The accounts of the activity tests: a facilitator and five members. */
export async function makeActivityCast(
  db: Db,
): Promise<Record<"fanny" | "alice" | "bob" | "carla" | "dan" | "eve", User>> {
  const fanny = await makeUser(db, "Fanny Facilitatrice", "facilitator");
  const [alice, bob, carla, dan, eve] = await Promise.all(
    ["Alice Martin", "Bob Durand", "Carla Diaz", "Dan Petit", "Eve Moreau"].map((name) => makeUser(db, name)),
  );
  return { fanny, alice: alice!, bob: bob!, carla: carla!, dan: dan!, eve: eve! };
}
