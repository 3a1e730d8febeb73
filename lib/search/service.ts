import "server-only";
import { listChannels } from "@/db/queries/channels";
import { searchMembers, searchPosts, type MemberHit, type PostHit } from "@/db/queries/search";
import { listSimilarThreads, searchTitlesByTrigram, suggestTitles, type TitleHit } from "@/db/queries/search-titles";
import type { Channel } from "@/db/schema";
import type { ServiceContext } from "@/lib/context";
import { hasSearchableText, searchTerms } from "@/lib/domain/search";
import { canReadChannel, canReadReplies, canViewProfiles, isActiveMember, isChannelArchived } from "@/lib/permissions";
import type { SearchInput, SimilarThreadsInput } from "@/lib/validation/search";

export type { MemberHit, PostHit, TitleHit };

export const SEARCH_PAGE_SIZE = 20;
const MEMBERS_ON_ALL = 5;
const SUGGESTIONS = 6;
const MEMBER_SUGGESTIONS = 3;
const SIMILAR_THREADS = 5;
/** Typo tolerance is for short queries: a long one that finds nothing is not a misspelling. */
const MAX_FALLBACK_WORDS = 3;
/** Shorter titles say too little to compare. */
const MIN_SIMILAR_TITLE = 8;

export type SearchResults = {
  query: string;
  isEmptyQuery: boolean;
  items: PostHit[];
  nextCursor: string | null;
  members: MemberHit[];
  /** Threads with a title close to a misspelt query, when full text found nothing. */
  closeTitles: TitleHit[];
  /** The channels this viewer may read (the channel filter's options). */
  channels: Pick<Channel, "slug" | "name" | "nameEn">[];
};

/** The channels the actor may read: permissions are decided here, by the same predicate as pages. */
async function readableChannels({ db, actor }: ServiceContext): Promise<Channel[]> {
  const channels = await listChannels(db);
  return channels.filter((channel) => canReadChannel(actor, channel));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The results page: matching posts (threads, replies, offers) and, for members, member profiles. */
export async function search(ctx: ServiceContext, input: SearchInput): Promise<SearchResults> {
  const terms = searchTerms(input.q);
  const readable = await readableChannels(ctx);
  // Archived channels leave the filter; their threads, readable by link, can still be found.
  const channels = readable
    .filter((channel) => !isChannelArchived(channel))
    .map(({ slug, name, nameEn }) => ({ slug, name, nameEn }));
  const empty = { query: terms.text, items: [], nextCursor: null, members: [], closeTitles: [], channels };
  if (!hasSearchableText(terms)) return { ...empty, isEmptyQuery: true };

  const scoped = input.channel ? readable.filter((channel) => channel.slug === input.channel) : readable;
  const channelIds = scoped.map((channel) => channel.id);
  const isFirstPage = !input.cursor;
  const wantsMembers =
    canViewProfiles(ctx.actor) && isFirstPage && (input.type === "members" || (input.type === "all" && !input.channel));

  const filters = {
    channelIds,
    openingOnlyChannelIds: scoped.filter((channel) => !canReadReplies(ctx.actor, channel)).map((channel) => channel.id),
    type: input.type === "members" ? ("all" as const) : input.type,
    authorId: input.author,
    from: input.from,
    to: input.to,
    isSolved: input.solved,
    contract: input.contract,
    workMode: input.workMode,
    department: input.department,
  };
  // A submitted query is matched word for word; the last word as a prefix only when the words as
  // typed match nothing ("candidature spont"), decided inside the page's one statement.
  const postsPage = async () => {
    if (input.type === "members") return { items: [], nextCursor: null };
    return searchPosts(ctx.db, { terms, filters, sort: input.sort, cursor: input.cursor, limit: SEARCH_PAGE_SIZE });
  };
  const [page, members] = await Promise.all([
    postsPage(),
    wantsMembers
      ? searchMembers(ctx.db, { terms, limit: input.type === "members" ? SEARCH_PAGE_SIZE : MEMBERS_ON_ALL })
      : Promise.resolve([]),
  ]);
  const needsFallback =
    input.type !== "members" && isFirstPage && !page.items.length && wordCount(terms.text) <= MAX_FALLBACK_WORDS;
  const closeTitles = needsFallback
    ? await searchTitlesByTrigram(ctx.db, { text: terms.text, channelIds, limit: SEARCH_PAGE_SIZE })
    : [];
  return { ...empty, isEmptyQuery: false, items: page.items, nextCursor: page.nextCursor, members, closeTitles };
}

export type Suggestions = { threads: TitleHit[]; members: MemberHit[] };

/** What the header proposes while typing: a few titles (typo-tolerant) and, for members, a few people. */
export async function suggest(ctx: ServiceContext, q: string): Promise<Suggestions> {
  const terms = searchTerms(q);
  if (!hasSearchableText(terms)) return { threads: [], members: [] };
  const channelIds = (await readableChannels(ctx)).map((channel) => channel.id);
  return suggestTitles(ctx.db, {
    terms,
    channelIds,
    limit: SUGGESTIONS,
    memberLimit: canViewProfiles(ctx.actor) ? MEMBER_SUGGESTIONS : 0,
    canCorrect: wordCount(terms.text) <= MAX_FALLBACK_WORDS,
  });
}

/**
 * "Ces fils ressemblent à votre question": for a member writing a thread in a channel they can
 * read, up to five threads of that channel with a similar title or opening post.
 */
export async function similarThreads(ctx: ServiceContext, input: SimilarThreadsInput): Promise<TitleHit[]> {
  const title = searchTerms(input.title).text;
  if (!isActiveMember(ctx.actor) || title.length < MIN_SIMILAR_TITLE) return [];
  const readable = await readableChannels(ctx);
  const scoped = input.channel ? readable.filter((channel) => channel.slug === input.channel) : readable;
  return listSimilarThreads(ctx.db, { title, channelIds: scoped.map((c) => c.id), limit: SIMILAR_THREADS });
}
