"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { toggleReactionAction } from "@/lib/actions/forum";
import { cn } from "@/components/ui/cn";
import { SmilePlus } from "lucide-react";
import { reactionEmojis } from "@/lib/forum/reactions";
import { ReactionIcon } from "./reaction-icon";
import type { ReactionView } from "@/lib/forum/views";

type ReactionBarProps = {
  reactions: ReactionView[];
  canReact: boolean;
  onChange: (reactions: ReactionView[]) => void;
} & (
  | { postId: number; toggleReaction?: never }
  | {
      postId?: never;
      /** Something else than a post (a private message): how to toggle, and the new reactions (null: refused). */
      toggleReaction: (emoji: ReactionEmoji) => Promise<ReactionView[] | null>;
    }
);

type ReactionEmoji = (typeof reactionEmojis)[number];

/** Names for the picker's tooltips. */
const reactionKey = { "👍": "thumbsUp", "❤️": "heart", "🎉": "party", "🙏": "thanks", "💡": "idea" } as const;

/** Reaction counts; hovering or focusing one shows who reacted. Posts by default, or any `toggleReaction`. */
export function ReactionBar({ postId, toggleReaction, reactions, canReact, onChange }: ReactionBarProps) {
  const t = useTranslations("forum");
  const [isPending, startTransition] = useTransition();
  const [isPickerOpen, setIsPickerOpen] = useState(false);
  const byEmoji = new Map(reactions.map((reaction) => [reaction.emoji, reaction]));
  const chipRefs = useRef(new Map<string, HTMLButtonElement>());
  const addRef = useRef<HTMLButtonElement>(null);
  /** The reaction just used: focus returns to it once the update is on screen. */
  const focusAfter = useRef<string | null>(null);
  const toggle = (emoji: ReactionEmoji) => {
    focusAfter.current = emoji;
    startTransition(async () => {
      if (toggleReaction) {
        const next = await toggleReaction(emoji);
        if (next) onChange(next);
      } else {
        const result = await toggleReactionAction({ postId: postId!, emoji });
        if (result.ok) onChange(result.data.reactions);
      }
      setIsPickerOpen(false);
    });
  };
  // The button used was disabled while sending (or sat in the closed picker): focus goes to that
  // reaction's count, or to "Réagir" when the count went away, never to <body>.
  useEffect(() => {
    if (isPending || !focusAfter.current) return;
    (chipRefs.current.get(focusAfter.current) ?? addRef.current)?.focus();
    focusAfter.current = null;
  }, [isPending, reactions]);
  const shown = reactionEmojis.filter((emoji) => byEmoji.has(emoji));
  return (
    <div className="flex flex-wrap items-center gap-1.5">
      {shown.map((emoji) => {
        const reaction = byEmoji.get(emoji)!;
        const who =
          reaction.names.join(", ") +
          (reaction.count > reaction.names.length ? ` +${reaction.count - reaction.names.length}` : "");
        return (
          <span key={emoji} className="group relative">
            <button
              ref={(element) => {
                if (element) chipRefs.current.set(emoji, element);
                else chipRefs.current.delete(emoji);
              }}
              type="button"
              disabled={!canReact || isPending}
              aria-pressed={reaction.hasReacted}
              aria-label={t("reactionLabel", { emoji, count: reaction.count, names: who })}
              onClick={() => toggle(emoji)}
              className={cn(
                "inline-flex min-h-8 items-center gap-1 rounded-full border px-2.5 text-sm pointer-coarse:min-h-11",
                reaction.hasReacted ? "border-teal bg-teal-soft font-bold text-teal" : "border-line bg-white text-ink",
                canReact ? "hover:border-teal" : "cursor-default",
              )}
            >
              <ReactionIcon emoji={emoji} />
              <span aria-hidden="true">{reaction.count}</span>
            </button>
            <span
              role="tooltip"
              className="pointer-events-none invisible absolute bottom-full left-0 z-30 mb-1 w-max max-w-60 rounded-lg bg-ink px-2.5 py-1.5 text-xs text-white group-focus-within:visible group-hover:visible"
            >
              {who}
            </span>
          </span>
        );
      })}
      {canReact ? (
        <span className="relative">
          <button
            ref={addRef}
            type="button"
            aria-expanded={isPickerOpen}
            aria-label={t("addReaction")}
            title={t("addReaction")}
            onClick={() => setIsPickerOpen((open) => !open)}
            className="inline-flex min-h-8 items-center rounded-full border border-dashed border-line px-2.5 text-sm text-muted hover:border-teal hover:text-ink pointer-coarse:min-h-11"
          >
            <SmilePlus aria-hidden="true" className="size-4" />
          </button>
          {isPickerOpen ? (
            <span className="absolute bottom-full left-0 z-30 mb-1 flex gap-1 rounded-full border border-line bg-white p-1 shadow-lg">
              {reactionEmojis.map((emoji) => (
                <button
                  key={emoji}
                  type="button"
                  disabled={isPending}
                  aria-label={t("reactWith", { emoji })}
                  title={t(`reactionNames.${reactionKey[emoji]}`)}
                  onClick={() => toggle(emoji)}
                  className="inline-flex size-9 items-center justify-center rounded-full hover:bg-sand pointer-coarse:size-11"
                >
                  <ReactionIcon emoji={emoji} className="size-5" />
                </button>
              ))}
            </span>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}
