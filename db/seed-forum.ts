import type { Db } from "./client";
import type { SeededUsers } from "./seed";

/** Demo threads and replies; filled in with the forum module. */
export async function seedDemoForum(_db: Db, _users: SeededUsers): Promise<void> {}
