import "server-only";
import { sql, type SQL } from "drizzle-orm";
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  type SearchSort,
  type SearchTerms,
  type SearchType,
} from "@/lib/domain/search";
import type { DbOrTx } from "../client";
import { decodeKeyset, encodeKeyset, toKeysetPage } from "./keyset";

/**
 * Full-text search (migration 0016): posts carry `search_vector` (title A on the opening post,
 * body B) in the `french_unaccent` configuration; users a generated one. Every user string is a
 * bound parameter: `websearch_to_tsquery` accepts any text, and the prefix word is letters only.
 * Permissions arrive as the ids of the channels the viewer may read (computed by the service).
 */

/**
 * ts_headline drops what its parser takes for HTML tags: `<` is swapped for a private-use
 * character on the way in and back on the way out, so a post's `<script>` reads as it was written
 * (the UI renders snippets as text).
 */
const LT_STANDIN = 0xe002;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** The tsquery of a search: the words typed, and the last one as a prefix. */
export function searchQuery(terms: SearchTerms): SQL {
  const head = sql`websearch_to_tsquery('french_unaccent', ${terms.head})`;
  if (!terms.prefix) return head;
  return sql`(${head} && to_tsquery('french_unaccent', ${terms.prefix + ":*"}))`;
}

/** Every word of a title, any of them: what "similar" candidates match on. */
export function anyWordQuery(text: string): SQL {
  return sql`replace(plainto_tsquery('french_unaccent', ${text})::text, ' & ', ' | ')::tsquery`;
}

/**
 * Which posts a page is chosen from. Reading every match through the GIN index costs a heap visit
 * per match, and walking the newest posts costs one per post read: the first is cheap for rare
 * words, the second for common ones, and PostgreSQL's guess between them flipped with its
 * statistics. So each statement first walks a bounded window of the newest posts: if the words
 * are common there, the page comes from that window; otherwise from the GIN index, capped at
 * MATCH_CAP matches (README, "Search").
 */
export const DATE_WINDOW = 300;
/** A ranked page's window, and the matches in it above which words count as common (1 in 100). */
export const RANKED_WINDOW = 300;
const COMMON_IN_RANKED_WINDOW = 3;
export const MATCH_CAP = 1000;
/** Common words, by relevance: the newest matching titles join the window's matches. */
const TITLE_CANDIDATES = 100;
export const titleVector = sql`to_tsvector('french_unaccent'::regconfig, t.title)`;

export const normalized = (value: SQL | string) => sql`immutable_unaccent(lower(${value}))`;

export type PostSearchFilters = {
  channelIds: number[];
  /** Channels where only opening posts may match (replies there are not for this reader). */
  openingOnlyChannelIds?: number[];
  type: Exclude<SearchType, "members">;
  authorId?: string | null;
  from?: string | null;
  to?: string | null;
  isSolved?: boolean;
  contract?: string | null;
  workMode?: string | null;
  department?: string | null;
};

export type PostHit = {
  postId: number;
  threadId: number;
  number: number;
  title: string;
  slug: string;
  threadKind: string;
  channelSlug: string;
  channelName: string;
  channelNameEn: string | null;
  authorId: string;
  authorName: string;
  createdAt: Date;
  replyCount: number;
  isSolved: boolean;
  snippet: string;
  rank: number;
};

function filterClauses(f: PostSearchFilters): SQL[] {
  const clauses: SQL[] = [
    sql`t.channel_id in (${sql.join(
      f.channelIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    sql`p.deleted_at is null`,
    sql`p.hidden_at is null`,
    sql`t.deleted_at is null`,
  ];
  if (f.openingOnlyChannelIds?.length)
    clauses.push(
      sql`(p.number = 1 or t.channel_id not in (${sql.join(
        f.openingOnlyChannelIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`,
    );
  if (f.type === "threads") clauses.push(sql`p.number = 1 and t.kind <> 'offer'`);
  if (f.type === "replies") clauses.push(sql`p.number > 1`);
  if (f.type === "offers") clauses.push(sql`p.number = 1 and t.kind = 'offer'`);
  if (f.authorId) clauses.push(sql`p.author_id = ${f.authorId}::uuid`);
  if (f.from) clauses.push(sql`p.created_at >= ${f.from}::date`);
  if (f.to) clauses.push(sql`p.created_at < ${f.to}::date + 1`);
  if (f.isSolved) clauses.push(sql`exists (select 1 from accepted_answers aa where aa.thread_id = t.id)`);
  const offer: SQL[] = [];
  if (f.contract) offer.push(sql`jo.contract::text = ${f.contract}`);
  if (f.workMode) offer.push(sql`jo.work_mode::text = ${f.workMode}`);
  if (f.department) offer.push(sql`jo.department = ${f.department}`);
  if (offer.length)
    clauses.push(
      sql`p.number = 1 and exists (select 1 from job_offers jo where jo.thread_id = t.id and ${sql.join(offer, sql` and `)})`,
    );
  return clauses;
}

/** Threads the viewer may read (by the channel ids the service computed), not deleted. */
export const visibleThread = (channelIds: number[]) =>
  channelIds.length
    ? sql`t.deleted_at is null and t.channel_id in (${sql.join(
        channelIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;

type RankCursor = { rank: string; id: number };

function encodeRankCursor(cursor: RankCursor): string {
  return Buffer.from(JSON.stringify({ r: cursor.rank, id: cursor.id })).toString("base64url");
}

/** Null for anything malformed: a tampered cursor restarts the list, it never reaches the SQL. */
function decodeRankCursor(value: string | null | undefined): RankCursor | null {
  if (!value || value.length > 200) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as { r?: unknown; id?: unknown };
    const { r, id } = parsed;
    if (typeof r !== "string" || !/^\d+(\.\d+)?(e-?\d+)?$/i.test(r)) return null;
    if (typeof id !== "number" || !Number.isSafeInteger(id)) return null;
    return { rank: r, id };
  } catch {
    return null;
  }
}

type HitRow = Omit<PostHit, "createdAt" | "rank"> & { createdAt: string | Date; rank: string; at: string };

/** What every part of a page's statement shares. */
type PageShape = {
  byDate: boolean;
  limit: number;
  matchCap: number;
  /** The permission and user filters, as one SQL condition on `p` (post) and `t` (thread). */
  filtered: SQL;
  /** The date cursor's condition, when there is one. */
  after: SQL | null;
};

/**
 * The matches of the query held by CTE `q<key>`, as two CTEs (see DATE_WINDOW): `recent<key>`,
 * the matches among a window of the newest posts (after the cursor, by date), read until a page
 * is found by date; and, when those are too few, `indexed<key>`, up to `matchCap + 1` matches read
 * through the GIN index (the query being a CTE value, the planner cannot swap the index for a
 * walk on a guess). Nothing is read unless `q<key>` holds a row.
 */
function matchSources(shape: PageShape, key: string): SQL {
  const { byDate, limit, filtered, after } = shape;
  const query = sql.raw(`(select query from q${key})`);
  const isActive = sql.raw(`exists (select 1 from q${key})`);
  const rank = byDate ? sql`0::real` : sql`ts_rank(p.search_vector, ${query})`;
  const order = byDate ? sql`p.created_at desc, p.id desc` : sql`p.id desc`;
  const window = sql`(select * from posts p ${after ? sql`where ${after}` : sql``}
    order by ${order} limit ${byDate ? DATE_WINDOW : RANKED_WINDOW})`;
  const isCommon = sql`(select count(*) from ${sql.raw(`recent${key}`)}) >= ${byDate ? limit + 1 : COMMON_IN_RANKED_WINDOW}`;
  return sql`
    ${sql.raw(`recent${key}`)} as materialized (${walkMatches(window, query, rank, order, filtered, isActive)}
      ${byDate ? sql`limit ${limit + 1}` : sql``}),
    ${sql.raw(`indexed${key}`)} as materialized (
      select p.id, p.created_at, ${rank} as rank from posts p join threads t on t.id = p.thread_id
      where ${isActive} and not ${isCommon} and p.search_vector @@ ${query} and ${filtered}
      limit ${shape.matchCap + 1}
    )`;
}

/**
 * Matching posts read in `order` from `posts` (a table or a window of it). coalesce() keeps the
 * planner from answering the test through the GIN index; the lateral subquery, from hashing
 * every thread for a few hundred posts.
 */
function walkMatches(posts: SQL, query: SQL, rank: SQL, order: SQL, filtered: SQL, gate: SQL): SQL {
  return sql`
    select p.id, p.created_at, ${rank} as rank
    from ${posts} p join lateral (select * from threads t where t.id = p.thread_id offset 0) t on true
    where ${gate} and coalesce(p.search_vector @@ ${query}, false) and ${filtered}
    order by ${order}`;
}

/**
 * The query of a page and its matches (`q`, `recent`, `indexed`): the words as typed or, when
 * nothing at all matches them, the last word as a prefix ("candidature spont").
 */
function matching(shape: PageShape, terms: SearchTerms): SQL {
  const exact = searchQuery({ ...terms, head: terms.text, prefix: null });
  if (!terms.prefix) return sql`q as materialized (select ${exact} as query), ${matchSources(shape, "")}`;
  return sql`
    q_exact as materialized (select ${exact} as query), ${matchSources(shape, "_exact")},
    q_prefix as materialized (select ${searchQuery(terms)} as query
      where not exists (select 1 from recent_exact) and not exists (select 1 from indexed_exact)),
    ${matchSources(shape, "_prefix")},
    q as materialized (select coalesce((select query from q_prefix), (select query from q_exact)) as query),
    recent as (select * from recent_exact union all select * from recent_prefix),
    indexed as (select * from indexed_exact union all select * from indexed_prefix)`;
}

/** The page's ids, newest first: from the window, else the indexed matches, else a walk. */
function datePage(shape: PageShape): SQL {
  const { limit, matchCap, filtered } = shape;
  const isCommon = sql`(select count(*) from recent) >= ${limit + 1}`;
  const isCapped = sql`(select count(*) from indexed) > ${matchCap}`;
  const order = sql`p.created_at desc, p.id desc`;
  return sql`
    page as (
      (select id, rank from recent where ${isCommon} order by created_at desc, id desc limit ${limit + 1})
      union all
      (select id, rank from indexed where not ${isCapped} order by created_at desc, id desc limit ${limit + 1})
      union all
      (select id, rank from (${walkMatches(sql`posts`, sql`(select query from q)`, sql`0::real`, order, filtered, isCapped)}
        limit ${limit + 1}) walked)
    )`;
}

/**
 * The page's ids, best first: ranked among the window's matches and the newest matching titles
 * (common words), or among the indexed matches.
 */
function rankedPage(shape: PageShape, channelIds: number[], position: RankCursor | null): SQL {
  const query = sql`(select query from q)`;
  const isCommon = sql`(select count(*) from recent) >= ${COMMON_IN_RANKED_WINDOW}`;
  return sql`
    candidates as (
      select id, rank from recent where ${isCommon}
      union
      select id, rank from indexed
      union
      (select p.id, ts_rank(p.search_vector, ${query}) from (
          select t.id from threads t
          where ${isCommon} and ${titleVector} @@ ${query} and ${visibleThread(channelIds)}
          order by t.id desc limit ${TITLE_CANDIDATES}
        ) titled join posts p on p.thread_id = titled.id and p.number = 1 join threads t on t.id = p.thread_id
        where p.search_vector @@ ${query} and ${shape.filtered})
    ),
    page as (
      select id, rank from candidates
      ${position ? sql`where (rank, id) < (${position.rank}::real, ${position.id})` : sql``}
      order by rank desc, id desc
      limit ${shape.limit + 1}
    )`;
}

/**
 * One page of matching posts (threads, replies, offers), best first or newest first, keyset
 * paginated, in one statement whatever the words (see DATE_WINDOW and `matching`). Every branch
 * applies the same permission filters; snippets are computed for the page's rows alone.
 */
export async function searchPosts(
  db: DbOrTx,
  params: {
    /** With a prefix, the last word is matched as one when the words as typed match nothing. */
    terms: SearchTerms;
    filters: PostSearchFilters;
    sort: SearchSort;
    cursor?: string | null;
    limit: number;
    /** Tests lower it to reach the walk on a small database. */
    matchCap?: number;
  },
): Promise<{ items: PostHit[]; nextCursor: string | null }> {
  const { terms, filters, limit } = params;
  if (!filters.channelIds.length) return { items: [], nextCursor: null };
  const byDate = params.sort === "date";
  const where = filterClauses(filters);
  const datePosition = byDate ? decodeKeyset(params.cursor, "integer") : null;
  const after = datePosition ? sql`(p.created_at, p.id) < (${datePosition.at}::timestamptz, ${datePosition.id})` : null;
  if (after) where.push(after);
  const shape = { byDate, limit, matchCap: params.matchCap ?? MATCH_CAP, filtered: sql.join(where, sql` and `), after };
  const page = byDate ? datePage(shape) : rankedPage(shape, filters.channelIds, decodeRankCursor(params.cursor));
  const result = await db.execute<HitRow>(sql`
    with ${matching(shape, terms)}, ${page}
    select p.id as "postId", p.thread_id as "threadId", p.number, t.title, t.slug, t.kind as "threadKind",
      c.slug as "channelSlug", c.name as "channelName", c.name_en as "channelNameEn", p.author_id as "authorId", u.name as "authorName",
      p.created_at as "createdAt", t.reply_count as "replyCount",
      ${byDate ? sql`ts_rank(p.search_vector, q.query)` : sql`page.rank`}::text as rank,
      to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
      exists (select 1 from accepted_answers aa where aa.thread_id = t.id) as "isSolved",
      ts_headline('french_unaccent', replace(left(p.body_text, 20000), '<', chr(${LT_STANDIN})), q.query,
        ${HEADLINE_OPTIONS}) as snippet
    from q, page join posts p on p.id = page.id join threads t on t.id = p.thread_id
      join channels c on c.id = t.channel_id join users u on u.id = p.author_id
    order by ${byDate ? sql`p.created_at desc, p.id desc` : sql`page.rank desc, p.id desc`}`);
  return toPage(
    result.rows.map((row) => toHit(row)),
    limit,
    byDate,
  );
}

function toPage(rows: (PostHit & { at: string; rankText: string })[], limit: number, byDate: boolean) {
  const page = toKeysetPage(rows, limit, (last) =>
    byDate
      ? encodeKeyset({ at: last.at, id: last.postId })
      : encodeRankCursor({ rank: last.rankText, id: last.postId }),
  );
  return {
    items: page.items.map((row) => {
      const { at, rankText, ...hit } = row;
      void at;
      void rankText;
      return hit;
    }),
    nextCursor: page.nextCursor,
  };
}

function toHit(row: HitRow): PostHit & { at: string; rankText: string } {
  return {
    ...row,
    postId: Number(row.postId),
    threadId: Number(row.threadId),
    number: Number(row.number),
    replyCount: Number(row.replyCount),
    createdAt: new Date(row.createdAt),
    rank: Number(row.rank),
    rankText: row.rank,
    snippet: row.snippet.replaceAll(String.fromCharCode(LT_STANDIN), "<"),
  };
}

export type MemberHit = {
  id: string;
  name: string;
  headline: string | null;
  organisation: string | null;
  image: string | null;
};

/** Active members whose name, headline, organisation, expertise or bio match (SQL, for one statement). */
export function membersQuery(terms: SearchTerms, limit: number): SQL {
  const query = searchQuery(terms);
  return sql`
    select u.id, u.name, u.headline, u.organisation, u.image
    from users u
    where u.search_vector @@ ${query} and u.status = 'active'
    order by ts_rank(u.search_vector, ${query}) desc, u.id
    limit ${limit}`;
}

/** Active members whose name, headline, organisation, expertise or bio match. */
export async function searchMembers(db: DbOrTx, params: { terms: SearchTerms; limit: number }): Promise<MemberHit[]> {
  const result = await db.execute<MemberHit>(membersQuery(params.terms, params.limit));
  return result.rows;
}
