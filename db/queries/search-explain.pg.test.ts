/**
 * Query plans of search on a realistically sized PostgreSQL database: a rare word is read through
 * posts_search_idx and a common one from the newest posts, whatever the statistics say (the
 * choice is made on the matches found, so the plans are run, not only explained); suggestions
 * read threads_title_search_idx, similar titles and the typo fallback threads_title_trgm_idx
 * (trigram GIN). EXPLAIN is PostgreSQL-specific: this file only runs with TEST_DATABASE_URL.
 */
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchTerms } from "@/lib/domain/search";
import type { DbOrTx } from "../client";
import { channelId, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { searchPosts } from "./search";
import { listSimilarThreads, searchTitlesByTrigram, suggestTitles } from "./search-titles";

type PlanNode = { "Node Type": string; "Index Name"?: string; "Actual Loops"?: number; Plans?: PlanNode[] };

const THREADS = 60_000;
const POSTS_PER_THREAD = 1;

let testDb: TestDb;
let channelIds: number[];

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

/** Runs a query function against a handle that EXPLAINs each statement instead of running it. */
async function plansOf(
  run: (db: DbOrTx) => Promise<unknown>,
  { analyze = false } = {},
): Promise<{ indexes: string[]; text: string }> {
  const plans: PlanNode[][] = [];
  const texts: string[] = [];
  const options = analyze ? sql.raw("analyze, costs off, ") : sql.raw("");
  const explaining = {
    execute: async (query: SQL) => {
      const json = await testDb.db.execute<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
        sql`explain (${options}format json) ${query}`,
      );
      // Run, only the nodes that actually executed count: a branch skipped by its gate read nothing.
      const nodes = flatten(json.rows[0]!["QUERY PLAN"][0]!.Plan);
      plans.push(analyze ? nodes.filter((node) => (node["Actual Loops"] ?? 0) > 0) : nodes);
      const text = await testDb.db.execute<{ "QUERY PLAN": string }>(sql`explain (${options}format text) ${query}`);
      texts.push(text.rows.map((row) => row["QUERY PLAN"]).join("\n"));
      return { rows: [] };
    },
    transaction: (fn: (tx: unknown) => Promise<unknown>) => fn(explaining),
  };
  await run(explaining as unknown as DbOrTx);
  return {
    indexes: plans.flat().flatMap((node) => (node["Index Name"] ? [node["Index Name"]] : [])),
    text: texts.join("\n---\n"),
  };
}

async function expectIndex(run: (db: DbOrTx) => Promise<unknown>, index: string, { analyze = false } = {}) {
  const plan = await plansOf(run, { analyze });
  expect(plan.indexes, `plan does not use ${index}:\n${plan.text}`).toContain(index);
  return plan;
}

describe("search query plans on PostgreSQL", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    const author = await makeUser(testDb.db, "Auteur Recherche");
    channelIds = [await channelId(testDb.db, "entraide")];
    const words = ["entretien", "coopérative", "lettre", "motivation", "alternance", "mutuelle", "salaire", "stage"];
    await testDb.db.execute(sql`
      insert into threads (channel_id, author_id, title, slug, last_post_number)
      select ${channelIds[0]!}, ${author.id}::uuid,
        'Question ' || n || ' : ' || (${sql.raw(`array['${words.join("','")}']`)})[1 + n % 8] ||
          case when n % 500 = 0 then ' candidature spontanée' else '' end,
        'question-' || n, ${POSTS_PER_THREAD}
      from generate_series(1, ${THREADS}) n`);
    await testDb.db.execute(sql`
      insert into posts (thread_id, author_id, number, body, body_text)
      select t.id, ${author.id}::uuid, k, '{}'::jsonb,
        'Un message sur ' || (${sql.raw(`array['${words.join("','")}']`)})[1 + (t.id + k) % 8] || ' et ' ||
          (${sql.raw(`array['${words.join("','")}']`)})[1 + (t.id * k) % 8] ||
          case when (t.id * 10 + k) % 997 = 0 then ' ornithorynque' else '' end
      from threads t, generate_series(1, ${POSTS_PER_THREAD}) k`);
    await testDb.db.execute(sql`analyze threads`);
    await testDb.db.execute(sql`analyze posts`);
    await testDb.db.execute(sql`analyze search_words`);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("finds a rare word through posts_search_idx, by relevance and by date", async () => {
    const terms = searchTerms("ornithorynque");
    for (const sort of ["relevance", "date"] as const) {
      await expectIndex(
        (db) => searchPosts(db, { terms, sort, limit: 20, filters: { channelIds, type: "all" } }),
        "posts_search_idx",
        { analyze: true },
      );
    }
  });

  it("pages a common word from the newest posts without reading its every match", async () => {
    const terms = searchTerms("entretien");
    for (const [sort, index] of [
      ["relevance", "posts_pkey"],
      ["date", "posts_created_idx"],
    ] as const) {
      const plan = await expectIndex(
        (db) => searchPosts(db, { terms, sort, limit: 20, filters: { channelIds, type: "all" } }),
        index,
        { analyze: true },
      );
      expect(plan.indexes, plan.text).not.toContain("posts_search_idx");
    }
  });

  it("matches suggestions through threads_title_search_idx", async () => {
    const terms = searchTerms("candidature spont");
    await expectIndex(
      (db) => suggestTitles(db, { terms, channelIds, limit: 6, memberLimit: 3, canCorrect: true }),
      "threads_title_search_idx",
    );
  });

  it("uses the trigram index for similar titles", async () => {
    await expectIndex(
      (db) => listSimilarThreads(db, { title: "Candidature spontanée comment relancer", channelIds, limit: 5 }),
      "threads_title_trgm_idx",
    );
  });

  /**
   * The correction compares each typed word with the known title words (search_words); the `%`
   * there is correlated to the typed words, whose selectivity PostgreSQL cannot estimate, so it
   * may scan that small table. Titles themselves are never scanned one by one.
   */
  it("corrects a misspelt word against search_words, never scanning titles", async () => {
    const plan = await plansOf((db) => searchTitlesByTrigram(db, { text: "candidture", channelIds, limit: 20 }));
    expect(plan.text).toContain("search_words");
    expect(plan.text, plan.text).not.toMatch(/Seq Scan on threads/);
  });
});
