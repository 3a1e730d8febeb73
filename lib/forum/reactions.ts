// The list lives in lib/domain so db/schema can use it without importing lib code.
export { reactionEmojis, type ReactionEmoji } from "@/lib/domain/forum";
