/**
 * Query plans of the offers listing at 5,000 offers on PostgreSQL: every filter combination
 * the page offers is read from an index, in order (no Sort), never by scanning all offers.
 * EXPLAIN output is PostgreSQL-specific, so this file only runs with TEST_DATABASE_URL.
 */
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { essFamilies, offerContracts, workModes } from "@/lib/offers/constants";
import type { Db } from "../client";
import * as schema from "../schema";
import { jobOffers, threads, type User } from "../schema";
import { channelId, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { listOffers, type OfferListFilters } from "./offers";

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; Plans?: PlanNode[] };
type Plan = { nodes: PlanNode[]; text: string };

const OFFERS = 5_000;
const CHUNK = 500;
const DEPARTMENTS = [
  "69",
  "75",
  "59",
  "44",
  "13",
  "33",
  "31",
  "34",
  "35",
  "67",
  "38",
  "06",
  "2A",
  "974",
  "76",
  "57",
  "21",
  "29",
  "63",
  "87",
];

const sent: { query: string; params: unknown[] }[] = [];
let testDb: TestDb;
let logged: Db;
let author: User;
let prepared = 0;

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}

function literal(value: unknown): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "string") return `'${value.replace(/'/g, "''")}'`;
  if (value instanceof Date) return `'${value.toISOString()}'`;
  throw new Error(`no literal for ${String(value)}`);
}

/** EXPLAIN of the statement listOffers sent, with its parameters, via PREPARE/EXECUTE. */
async function planOf(filters: OfferListFilters, cursor?: string): Promise<Plan> {
  const start = sent.length;
  await listOffers(logged, { filters, cursor });
  const found = sent.slice(start).find(({ query }) => /from "job_offers"/.test(query));
  if (!found) throw new Error("listOffers sent no statement");
  const { query: statement, params } = found;
  expect(statement.match(/\$\d+/g)?.length ?? 0).toBe(params.length);
  const name = `offers_statement_${++prepared}`;
  return testDb.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`prepare ${name} as ${statement}`));
    const execute = sql.raw(`execute ${name}(${params.map(literal).join(", ")})`);
    const json = await tx.execute<{ "QUERY PLAN": { Plan: PlanNode }[] }>(sql`explain (format json) ${execute}`);
    const text = await tx.execute<{ "QUERY PLAN": string }>(sql`explain ${execute}`);
    await tx.execute(sql.raw(`deallocate ${name}`));
    return {
      nodes: flatten(json.rows[0]!["QUERY PLAN"][0]!.Plan),
      text: text.rows.map((row) => row["QUERY PLAN"]).join("\n"),
    };
  });
}

/**
 * The page of offers is chosen on job_offers through one of its indexes (never a scan of
 * every offer), and the threads and authors of that page are fetched by primary key.
 */
function expectIndexed(plan: Plan) {
  const seqScanOf = (table: string) =>
    plan.nodes.some((node) => node["Node Type"] === "Seq Scan" && node["Relation Name"] === table);
  expect(seqScanOf("job_offers"), `job_offers scanned in full:\n${plan.text}`).toBe(false);
  expect(
    plan.nodes.some((node) => node["Index Name"]?.startsWith("job_offers_")),
    `no job_offers index used:\n${plan.text}`,
  ).toBe(true);
  expect(seqScanOf("threads"), `threads scanned in full:\n${plan.text}`).toBe(false);
  expect(
    plan.nodes.some((node) => node["Index Name"] === "threads_pkey"),
    `threads not read by primary key:\n${plan.text}`,
  ).toBe(true);
}

/** Read in index order: the newest offers first, no Sort at all. */
function expectInIndexOrder(plan: Plan) {
  expectIndexed(plan);
  expect(
    plan.nodes.some((node) => node["Node Type"].includes("Sort")),
    `plan sorts:\n${plan.text}`,
  ).toBe(false);
}

describe("offers listing query plans on PostgreSQL", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    // A second handle on the same pool whose logger keeps each statement with its parameters.
    logged = drizzle((testDb.db as unknown as { $client: Pool }).$client, {
      schema,
      logger: { logQuery: (query, params) => sent.push({ query, params }) },
    });
    author = await makeUser(testDb.db, "Employeur Volume", "pro");
    const channel = await channelId(testDb.db, "offres");
    const now = Date.now();
    // Deterministic pseudo-random fields, so filters are independent of each other.
    let seed = 2026;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[Math.floor((seed / 2147483648) * list.length)]!;
    };
    for (let offset = 0; offset < OFFERS; offset += CHUNK) {
      const indexes = Array.from({ length: Math.min(CHUNK, OFFERS - offset) }, (_, i) => offset + i);
      const inserted = await testDb.db
        .insert(threads)
        .values(
          indexes.map((i) => ({
            channelId: channel,
            authorId: author.id,
            kind: "offer" as const,
            title: `Offre ${i}`,
            slug: "offre",
            lastPostNumber: 1,
          })),
        )
        .returning({ id: threads.id });
      await testDb.db.insert(jobOffers).values(
        inserted.map(({ id }, n) => {
          const i = indexes[n]!;
          // One offer every three hours over ~21 months: only the newest ~480 are still current.
          const publishedAt = new Date(now - i * 3 * 3_600_000);
          return {
            threadId: id,
            origin: "employer" as const,
            organisation: `Structure ${i % 300}`,
            essFamily: pick(essFamilies),
            contract: pick(offerContracts),
            city: "Ville",
            department: pick(DEPARTMENTS),
            workMode: pick(workModes),
            startDate: "2026-09-01",
            howToApply: "rh@structure.example",
            publishedAt,
            expiresAt: new Date(publishedAt.getTime() + 60 * 86_400_000),
            filledAt: i % 7 === 0 ? publishedAt : null,
          };
        }),
      );
    }
    await testDb.db.execute(sql`analyze job_offers`);
    await testDb.db.execute(sql`analyze threads`);
    await testDb.db.execute(sql`analyze users`);
  }, 120_000);
  afterAll(async () => {
    await testDb?.close();
  });

  it("has the data the plans are about", async () => {
    const [row] = (await testDb.db.execute<{ n: number }>(sql`select count(*)::int as n from job_offers`)).rows;
    expect(row!.n).toBe(OFFERS);
    const page = await listOffers(testDb.db, { filters: {} });
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).not.toBeNull();
    const [current] = (
      await testDb.db.execute<{ n: number }>(sql`select count(*)::int as n from job_offers where expires_at > now()`)
    ).rows;
    expect(current!.n).toBeGreaterThan(400);
    expect(current!.n).toBeLessThan(600);
  });

  it.each<[string, OfferListFilters]>([
    ["no filter", {}],
    ["encore ouvertes", { open: true }],
    ["contract", { contract: "internship" }],
    ["département", { department: "69" }],
    ["work mode", { workMode: "remote" }],
    ["ESS family", { family: "cooperative" }],
    ["contract + département", { contract: "cdi", department: "75" }],
    ["every filter", { contract: "cdd", department: "69", workMode: "hybrid", family: "association", open: true }],
  ])("reads the first page (%s) through indexes only", async (_label, filters) => {
    expectIndexed(await planOf(filters));
  });

  it("reads a later page (keyset cursor) through indexes only", async () => {
    const first = await listOffers(testDb.db, { filters: { contract: "cdi" } });
    expect(first.nextCursor).not.toBeNull();
    expectIndexed(await planOf({ contract: "cdi" }, first.nextCursor!));
  });

  it("reads the default listing newest first straight from job_offers_published_idx, without sorting", async () => {
    const first = await planOf({});
    expectInIndexOrder(first);
    expect(
      first.nodes.some((node) => node["Index Name"] === "job_offers_published_idx"),
      first.text,
    ).toBe(true);
    const unfiltered = await listOffers(testDb.db, { filters: {} });
    expectInIndexOrder(await planOf({}, unfiltered.nextCursor!));
  });
});
