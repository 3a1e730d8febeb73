import "server-only";
/** Forum row types for app/ and components/, which never import db/ themselves. */
export type { Channel, ChannelKind, Thread, ThreadKind } from "@/db/schema";
