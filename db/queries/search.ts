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
function anyWordQuery(text: string): SQL {
  return sql`replace(plainto_tsquery('french_unaccent', ${text})::text, ' & ', ' | ')::tsquery`;
}

/**
 * Relevance is computed over the newest 300 matches plus every thread whose title matches: ranking
 * all posts holding a common word would cost tens of milliseconds per 100,000 posts, and an old
 * reply that only mentions the word is rarely what is sought (README, "Search").
 */
const RANKED_CANDIDATES = 300;
const titleVector = sql`to_tsvector('french_unaccent'::regconfig, t.title)`;

const normalized = (value: SQL | string) => sql`immutable_unaccent(lower(${value}))`;
const titleKey = sql`t.title_key`;

export type PostSearchFilters = {
  channelIds: number[];
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

/**
 * One page of matching posts (threads, replies, offers), best first or newest first, keyset
 * paginated. The page is chosen on ids and ranks only; snippets are computed for its rows alone.
 */
export async function searchPosts(
  db: DbOrTx,
  params: { terms: SearchTerms; filters: PostSearchFilters; sort: SearchSort; cursor?: string | null; limit: number },
): Promise<{ items: PostHit[]; nextCursor: string | null }> {
  const { terms, filters, sort, limit } = params;
  if (!filters.channelIds.length) return { items: [], nextCursor: null };
  const query = searchQuery(terms);
  const where = [sql`p.search_vector @@ ${query}`, ...filterClauses(filters)];
  const datePosition = sort === "date" ? decodeKeyset(params.cursor, "integer") : null;
  if (datePosition) where.push(sql`(p.created_at, p.id) < (${datePosition.at}::timestamptz, ${datePosition.id})`);
  const rankPosition = sort === "relevance" ? decodeRankCursor(params.cursor) : null;
  const rankedPage = sql`
    candidates as (
      (select p.id from posts p join threads t on t.id = p.thread_id
        where ${sql.join(where, sql` and `)} order by p.id desc limit ${RANKED_CANDIDATES})
      union
      (select p.id from threads t join posts p on p.thread_id = t.id and p.number = 1
        where ${titleVector} @@ ${query} and ${sql.join(where, sql` and `)} limit ${RANKED_CANDIDATES})
    ),
    page as (
      select p.id, ts_rank(p.search_vector, ${query}) as rank from candidates cd join posts p on p.id = cd.id
      ${rankPosition ? sql`where (ts_rank(p.search_vector, ${query}), p.id) < (${rankPosition.rank}::real, ${rankPosition.id})` : sql``}
      order by rank desc, p.id desc
      limit ${limit + 1}
    )`;
  const datePage = sql`
    page as (
      select p.id, ts_rank(p.search_vector, ${query}) as rank
      from posts p join threads t on t.id = p.thread_id
      where ${sql.join(where, sql` and `)}
      order by p.created_at desc, p.id desc
      limit ${limit + 1}
    )`;
  const result = await db.execute<HitRow>(sql`
    with ${sort === "date" ? datePage : rankedPage}
    select p.id as "postId", p.thread_id as "threadId", p.number, t.title, t.slug, t.kind as "threadKind",
      c.slug as "channelSlug", c.name as "channelName", p.author_id as "authorId", u.name as "authorName",
      p.created_at as "createdAt", t.reply_count as "replyCount", page.rank::text as rank,
      to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
      exists (select 1 from accepted_answers aa where aa.thread_id = t.id) as "isSolved",
      ts_headline('french_unaccent', replace(left(p.body_text, 20000), '<', chr(${LT_STANDIN})), ${query},
        ${HEADLINE_OPTIONS}) as snippet
    from page join posts p on p.id = page.id join threads t on t.id = p.thread_id
      join channels c on c.id = t.channel_id join users u on u.id = p.author_id
    order by ${sort === "date" ? sql`p.created_at desc, p.id desc` : sql`page.rank desc, p.id desc`}`);
  const rows = result.rows.map((row) => toHit(row));
  const page = toKeysetPage(rows, limit, (last) =>
    sort === "date"
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

export type TitleHit = {
  threadId: number;
  title: string;
  slug: string;
  threadKind: string;
  channelSlug: string;
  replyCount: number;
  isSolved: boolean;
  score: number;
};

const titleHitColumns = sql`t.id as "threadId", t.title, t.slug, t.kind as "threadKind", c.slug as "channelSlug",
  t.reply_count as "replyCount", exists (select 1 from accepted_answers aa where aa.thread_id = t.id) as "isSolved"`;

function toTitleHit(row: Record<string, unknown>): TitleHit {
  return {
    threadId: Number(row.threadId),
    title: String(row.title),
    slug: String(row.slug),
    threadKind: String(row.threadKind),
    channelSlug: String(row.channelSlug),
    replyCount: Number(row.replyCount),
    isSolved: Boolean(row.isSolved),
    score: Number(row.score),
  };
}

const visibleThread = (channelIds: number[]) =>
  sql`t.deleted_at is null and t.channel_id in (${sql.join(
    channelIds.map((id) => sql`${id}`),
    sql`, `,
  )})`;

/** Threads (and offers) whose title matches what is being typed: the header's suggestions. */
export async function suggestThreads(
  db: DbOrTx,
  params: { terms: SearchTerms; channelIds: number[]; limit: number },
): Promise<TitleHit[]> {
  if (!params.channelIds.length) return [];
  const query = searchQuery(params.terms);
  const result = await db.execute(sql`
    select ${titleHitColumns}, ts_rank(${titleVector}, ${query}) as score
    from threads t join channels c on c.id = t.channel_id
      join posts p on p.thread_id = t.id and p.number = 1 and p.deleted_at is null and p.hidden_at is null
    where ${titleVector} @@ ${query} and ${visibleThread(params.channelIds)}
    order by score desc, t.id desc
    limit ${params.limit}`);
  return result.rows.map(toTitleHit);
}

/**
 * Typo tolerance, for when full text finds nothing: each typed word (3 letters or more) is
 * replaced by the closest word of any title (`search_words`, trigram similarity), and titles
 * are searched with the corrected words. The words themselves are never shown: only threads the
 * viewer may read are returned.
 */
export async function searchTitlesByTrigram(
  db: DbOrTx,
  params: { text: string; channelIds: number[]; limit: number },
): Promise<TitleHit[]> {
  if (!params.channelIds.length) return [];
  const corrected = sql`(select plainto_tsquery('french_unaccent', string_agg(c.word, ' ')) from (
      select (select sw.word from search_words sw where sw.word % x.w order by similarity(sw.word, x.w) desc, sw.word
        limit 1) as word
      from unnest(regexp_split_to_array(${normalized(params.text)}, '[^[:alnum:]]+')) as x(w)
      where length(x.w) >= 3) c)`;
  const result = await db.execute(sql`
    with q as materialized (select ${corrected} as query)
    select ${titleHitColumns}, ts_rank(${titleVector}, q.query) as score
    from q, threads t join channels c on c.id = t.channel_id
      join posts p on p.thread_id = t.id and p.number = 1 and p.deleted_at is null and p.hidden_at is null
    where ${titleVector} @@ q.query and ${visibleThread(params.channelIds)}
    order by score desc, t.id desc
    limit ${params.limit}`);
  return result.rows.map(toTitleHit);
}

/**
 * Threads like the title being typed: trigram similarity of the titles plus the full-text rank
 * of the opening post against any of its words. Candidates come from both indexes.
 */
export async function listSimilarThreads(
  db: DbOrTx,
  params: { title: string; channelIds: number[]; limit: number },
): Promise<TitleHit[]> {
  if (!params.channelIds.length) return [];
  const visible = visibleThread(params.channelIds);
  const query = anyWordQuery(params.title);
  const key = normalized(params.title);
  const result = await db.execute(sql`
    with candidates as (
      select t.id from threads t where ${titleKey} % ${key} and ${visible}
      union
      select p.thread_id from posts p join threads t on t.id = p.thread_id
      where p.search_vector @@ ${query} and p.number = 1 and ${visible}
    )
    select ${titleHitColumns},
      similarity(${titleKey}, ${key}) + ts_rank(p.search_vector, ${query}) as score
    from candidates cd join threads t on t.id = cd.id join channels c on c.id = t.channel_id
      join posts p on p.thread_id = t.id and p.number = 1 and p.deleted_at is null and p.hidden_at is null
    where t.kind <> 'offer'
    order by score desc, t.id desc
    limit ${params.limit}`);
  return result.rows.map(toTitleHit).filter((hit) => hit.score >= 0.2);
}

export type MemberHit = {
  id: string;
  name: string;
  headline: string | null;
  organisation: string | null;
  image: string | null;
};

/** Active members whose name, headline, organisation, expertise or bio match. */
export async function searchMembers(db: DbOrTx, params: { terms: SearchTerms; limit: number }): Promise<MemberHit[]> {
  const query = searchQuery(params.terms);
  const result = await db.execute<MemberHit>(sql`
    select u.id, u.name, u.headline, u.organisation, u.image
    from users u
    where u.search_vector @@ ${query} and u.status = 'active'
    order by ts_rank(u.search_vector, ${query}) desc, u.id
    limit ${params.limit}`);
  return result.rows;
}
