import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { ThreadListEntry } from "@/components/forum/thread-list";
import type { ThreadExtrasData } from "@/components/questions/thread-extras";
import type { CurrentUser } from "@/lib/auth/session";
import type { Channel, ChannelKind, Thread, ThreadKind } from "@/lib/forum/types";
import { getPageComments } from "@/lib/reviews/page-comments";
import { OfferSection, offerMetadata } from "../../offres/_parts/offer-section";
import { PitchSection } from "../_pitches/pitch-section";
import { ReviewSection } from "../_reviews/review-section";
import { reviewListBadges } from "../_reviews/list-badges";

/**
 * The UI half of the channel-kind registry (the rules half is lib/forum/kinds.ts): what the
 * channel and thread pages show for each kind. Pages never branch on a kind themselves.
 */

type SectionProps = { thread: Thread; channel: Channel; user: CurrentUser | null };
type ListBadges = Map<number, NonNullable<ThreadListEntry["badges"]>>;
type PostLinks = NonNullable<ThreadExtrasData["pageCommentLinks"]>;

type ThreadKindUi = {
  /** Shown between the title and the discussion (the offer's fields, the document, the recording). */
  Section?: (props: SectionProps) => Promise<ReactNode>;
  /** Metadata of a thread page of this kind (default: title and excerpt). */
  metadata?: (thread: Thread) => Promise<Metadata>;
  /** Links from posts to what they comment (a page comment's marker), by post number. */
  postLinks?: (thread: Thread) => Promise<PostLinks>;
};

type ChannelKindUi = {
  /** The label of the structured compose button (its path is `kindRules(channel).composePath`). */
  composeLabel?: () => Promise<string>;
  /** Badges of a page of threads in a list of this channel (one query for the page). */
  listBadges?: (threadIds: number[], channel: Channel) => Promise<ListBadges>;
};

const THREAD_KIND_UI: Partial<Record<ThreadKind, ThreadKindUi>> = {
  offer: { Section: OfferSection, metadata: (thread) => offerMetadata(thread.id) },
  review: {
    Section: ReviewSection,
    postLinks: async (thread) =>
      Object.fromEntries(
        (await getPageComments(thread.id)).map((comment) => [
          comment.postNumber,
          { markerId: comment.id, page: comment.page, version: comment.versionNumber, isArea: comment.rect !== null },
        ]),
      ),
  },
  pitch: { Section: PitchSection },
};

const CHANNEL_KIND_UI: Partial<Record<ChannelKind, ChannelKindUi>> = {
  review: {
    composeLabel: async () => (await getTranslations("review"))("askReview"),
    listBadges: (threadIds) => reviewListBadges(threadIds, "review"),
  },
  pitch: {
    composeLabel: async () => (await getTranslations("review"))("pitch.record"),
    listBadges: (threadIds) => reviewListBadges(threadIds, "pitch"),
  },
};

export function threadKindUi(thread: Pick<Thread, "kind">): ThreadKindUi {
  return THREAD_KIND_UI[thread.kind] ?? {};
}

export function channelKindUi(channel: Pick<Channel, "kind">): ChannelKindUi {
  return CHANNEL_KIND_UI[channel.kind] ?? {};
}
