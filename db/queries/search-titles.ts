import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SearchTerms } from "@/lib/domain/search";
import type { DbOrTx } from "../client";
import {
  anyWordQuery,
  membersQuery,
  normalized,
  searchQuery,
  titleVector,
  visibleThread,
  type MemberHit,
} from "./search";

/**
 * Searches on thread titles (migration 0016): the header's suggestions, the typo correction and
 * "Ces fils ressemblent à votre question". Permissions arrive as readable channel ids.
 */

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

/**
 * Titles are ranked among the newest matching threads only: ranking means computing each title's
 * vector again, and a prefix typed in the header ("cand") matches hundreds of titles.
 */
const TITLE_CANDIDATES = 50;
const titleKey = sql`t.title_key`;

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

/** The newest readable threads whose title matches `query` (ids only): a title search's candidates. */
function titleCandidates(query: SQL, channelIds: number[], gate: SQL = sql`true`): SQL {
  return sql`
    select t.id from threads t
    where ${gate} and ${titleVector} @@ ${query} and ${visibleThread(channelIds)}
    order by t.id desc limit ${TITLE_CANDIDATES}`;
}

/** Candidates whose opening post is visible, as title hits, best first. */
function rankedTitles(candidates: SQL, query: SQL, limit: number): SQL {
  return sql`
    select ${titleHitColumns}, ts_rank(${titleVector}, ${query}) as score
    from (${candidates}) cd join threads t on t.id = cd.id join channels c on c.id = t.channel_id
      join posts p on p.thread_id = t.id and p.number = 1 and p.deleted_at is null and p.hidden_at is null
    order by score desc, t.id desc
    limit ${limit}`;
}

/**
 * Typo tolerance, for when full text finds nothing: each typed word (3 letters or more) is
 * replaced by the closest word of any title (`search_words`, trigram similarity), and titles
 * are searched with the corrected words. The words themselves are never shown: only threads the
 * viewer may read are returned.
 */
function correctedQuery(text: string): SQL {
  return sql`(select plainto_tsquery('french_unaccent', string_agg(c.word, ' ')) from (
      select (select sw.word from search_words sw where sw.word % x.w order by similarity(sw.word, x.w) desc, sw.word
        limit 1) as word
      from unnest(regexp_split_to_array(${normalized(text)}, '[^[:alnum:]]+')) as x(w)
      where length(x.w) >= 3) c)`;
}

/** The typo fallback on its own (the results page, when its query found nothing). */
export async function searchTitlesByTrigram(
  db: DbOrTx,
  params: { text: string; channelIds: number[]; limit: number },
): Promise<TitleHit[]> {
  if (!params.channelIds.length) return [];
  // The query is a CTE value: the planner reads threads_title_search_idx rather than computing
  // every title's vector on a guess about the words.
  const query = sql`(select query from qc)`;
  const result = await db.execute(sql`
    with qc as materialized (select ${correctedQuery(params.text)} as query)
    ${rankedTitles(titleCandidates(query, params.channelIds), query, params.limit)}`);
  return result.rows.map(toTitleHit);
}

export type TitleSuggestions = { threads: TitleHit[]; members: MemberHit[] };

/**
 * The header's suggestions in one statement: titles matching what is being typed (the last word
 * as a prefix) or, when no title does and `canCorrect`, the typo-corrected words; and, when
 * `memberLimit` is above zero, active members.
 */
export async function suggestTitles(
  db: DbOrTx,
  params: { terms: SearchTerms; channelIds: number[]; limit: number; memberLimit: number; canCorrect: boolean },
): Promise<TitleSuggestions> {
  const { terms, channelIds, memberLimit } = params;
  const members = memberLimit > 0 ? membersQuery(terms, memberLimit) : sql`select null where false`;
  const typed = sql`(select query from q)`;
  const corrected = sql`(select query from qc)`;
  const result = await db.execute<{ threads: unknown; members: unknown }>(sql`
    with q as materialized (select ${searchQuery(terms)} as query),
    typed as materialized (${titleCandidates(typed, channelIds)}),
    qc as materialized (
      select ${correctedQuery(terms.text)} as query
      where ${params.canCorrect ? sql`true` : sql`false`} and not exists (select 1 from typed)
    ),
    fixed as materialized (${titleCandidates(corrected, channelIds, sql`exists (select 1 from qc)`)}),
    hits as (${rankedTitles(
      sql`select id from typed union all select id from fixed`,
      sql`coalesce(${corrected}, ${typed})`,
      params.limit,
    )}),
    members as (${members})
    select (select coalesce(json_agg(x), '[]'::json) from hits x) as threads,
      (select coalesce(json_agg(x), '[]'::json) from members x) as members`);
  const row = result.rows[0] ?? { threads: [], members: [] };
  const parse = (value: unknown): unknown[] => (typeof value === "string" ? JSON.parse(value) : value) as unknown[];
  return {
    threads: parse(row.threads).map((hit) => toTitleHit(hit as Record<string, unknown>)),
    members: parse(row.members) as MemberHit[],
  };
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
