import { HandHeart, Heart, Lightbulb, PartyPopper, ThumbsUp, type LucideIcon } from "lucide-react";
import type { ReactionEmoji } from "@/lib/forum/reactions";
import { cn } from "@/components/ui/cn";

/**
 * Reactions are stored as emoji, but drawn as SVG: a phone or a computer without an emoji font
 * would show empty boxes (seen in the walkthrough). The emoji stays in the accessible name.
 */
const ICONS: Record<ReactionEmoji, { Icon: LucideIcon; className: string }> = {
  "👍": { Icon: ThumbsUp, className: "text-amber-600" },
  "❤️": { Icon: Heart, className: "fill-red-500 text-red-600" },
  "🎉": { Icon: PartyPopper, className: "text-fuchsia-600" },
  "🙏": { Icon: HandHeart, className: "text-teal" },
  "💡": { Icon: Lightbulb, className: "fill-yellow-200 text-yellow-600" },
};

export function ReactionIcon({ emoji, className }: { emoji: ReactionEmoji; className?: string }) {
  const { Icon, className: tone } = ICONS[emoji];
  return <Icon aria-hidden="true" data-emoji={emoji} className={cn("size-4 shrink-0", tone, className)} />;
}
