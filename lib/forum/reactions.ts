/** The reactions a post can receive, in display order. */
export const reactionEmojis = ["👍", "❤️", "🎉", "🙏", "💡"] as const;
export type ReactionEmoji = (typeof reactionEmojis)[number];
