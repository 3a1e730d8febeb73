/** Forum row types for app/ and components/, which never import db/ themselves. */
export type { Channel, Thread } from "@/db/schema";
