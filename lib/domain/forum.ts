/** The reactions a post can receive, in display order. */
export const reactionEmojis = ["👍", "❤️", "🎉", "🙏", "💡"] as const;
export type ReactionEmoji = (typeof reactionEmojis)[number];

/** A file a post carries (a recorded answer), fetched from the permission-checked file route. */
export type AttachmentView = { fileId: string; contentType: string };
