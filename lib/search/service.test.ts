/**
 * Search through the real services, on PGlite and PostgreSQL: French matching (accents, case,
 * stemming, prefixes), weights, typo tolerance, hostile queries, and permissions exactly as the
 * pages apply them.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOffer } from "@/db/offer-factories";
import { createReply } from "@/db/queries/posts";
import { searchPosts } from "@/db/queries/search";
import { createThread } from "@/db/queries/threads";
import { acceptedAnswers, channels, posts, threads, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { highlightParts, searchTerms, type SearchSort } from "@/lib/domain/search";
import { replyRow, threadRow } from "@/lib/forum/content";
import type { Actor } from "@/lib/permissions";
import { searchInputSchema } from "@/lib/validation/search";
import { search, similarThreads, suggest } from "./service";

let testDb: TestDb;
let member: User;
let facilitator: User;
let candidatureThread: number;
let staffThread: number;

async function thread(channel: string | number, author: User, title: string, body: string) {
  const id = typeof channel === "number" ? channel : await channelId(testDb.db, channel);
  const { thread: row } = await createThread(
    testDb.db,
    threadRow({ channelId: id, authorId: author.id, title, body: documentFromText(body) }),
  );
  return row.id;
}

async function reply(threadId: number, author: User, text: string) {
  const result = await createReply(
    testDb.db,
    replyRow({ threadId, authorId: author.id, body: documentFromText(text) }),
  );
  if (!result.ok) throw new Error("reply refused");
  return result.post.id;
}

const run = (actor: Actor, params: Record<string, unknown>) =>
  search(contextFor(actor, testDb.db), searchInputSchema.parse(params));
const titles = async (actor: Actor, params: Record<string, unknown>) =>
  (await run(actor, params)).items.map((hit) => hit.title);

beforeAll(async () => {
  testDb = await createServiceTestDb();
  member = await makeUser(testDb.db, "Camille Durand");
  facilitator = await makeUser(testDb.db, "Nadia Benali", "facilitator");
  candidatureThread = await thread(
    "entraide",
    member,
    "Candidature spontanée : comment relancer ?",
    "J'ai envoyé ma lettre il y a trois semaines, sans réponse.",
  );
  await thread(
    "entraide",
    member,
    "Préparer un entretien collectif",
    "Les élèves de ma promo parlent de candidatures.",
  );
  const answer = await reply(candidatureThread, facilitator, "Relancez par téléphone au bout de dix jours.");
  await testDb.db
    .insert(acceptedAnswers)
    .values({ threadId: candidatureThread, postId: answer, acceptedById: member.id });
  await makeOffer(testDb.db, facilitator.id, { title: "Chargée de candidatures spontanées et recrutement" });
  const [staff] = await testDb.db
    .insert(channels)
    .values({ slug: "equipe-test", name: "Équipe", visibility: "staff" })
    .returning();
  staffThread = await thread(staff!.id, facilitator, "Candidatures spontanées du trimestre", "Note interne.");
});
afterAll(() => testDb.close());

describe("French matching", () => {
  it("ignores accents and case, stems, and finds the thread from 'candidatures spontanees'", async () => {
    expect(await titles(actorOf(member), { q: "candidatures spontanees" })).toContain(
      "Candidature spontanée : comment relancer ?",
    );
    expect(await titles(actorOf(member), { q: "CANDIDATURE SPONTANÉE" })).toContain(
      "Candidature spontanée : comment relancer ?",
    );
    expect(await titles(actorOf(member), { q: "eleves" })).toEqual(["Préparer un entretien collectif"]);
  });

  it("matches the last word typed as a prefix", async () => {
    expect(await titles(actorOf(member), { q: "candidature spont" })).toContain(
      "Candidature spontanée : comment relancer ?",
    );
    expect(await titles(actorOf(member), { q: "relan" })).toContain("Candidature spontanée : comment relancer ?");
  });

  it("ranks a title match above a body match", async () => {
    const result = await titles(actorOf(member), { q: "candidatures", type: "threads" });
    expect(result[0]).toBe("Candidature spontanée : comment relancer ?");
    expect(result).toContain("Préparer un entretien collectif");
  });

  it("shows replies in their thread with an escaped, highlighted snippet", async () => {
    const result = await run(actorOf(member), { q: "téléphone", type: "replies" });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]!.threadId).toBe(candidatureThread);
    expect(result.items[0]!.isSolved).toBe(true);
    expect(highlightParts(result.items[0]!.snippet)).toContainEqual({ text: "téléphone", isMatch: true });
  });

  it("keeps <script> in a post as text inside the snippet", async () => {
    await thread("entraide", member, "Balise suspecte", "Voici <script>alert('x')</script> dans mon texte piège.");
    const [hit] = (await run(actorOf(member), { q: "piège" })).items;
    expect(hit!.snippet).toContain("<script>");
    expect(highlightParts(hit!.snippet).find((part) => part.isMatch)?.text).toBe("piège");
  });

  it("filters solved questions and sorts by date with keyset pages", async () => {
    expect(await titles(actorOf(member), { q: "candidature", solved: "1", type: "threads" })).toEqual([
      "Candidature spontanée : comment relancer ?",
    ]);
    const first = await run(actorOf(member), { q: "candidature", sort: "date" });
    expect(first.items.length).toBeGreaterThan(1);
    const dates = first.items.map((hit) => hit.createdAt.getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("falls back to trigram titles for a misspelt short query", async () => {
    const result = await run(actorOf(member), { q: "entretein" });
    expect(result.items).toEqual([]);
    expect(result.closeTitles.map((hit) => hit.title)).toContain("Préparer un entretien collectif");
  });
});

describe("hostile queries", () => {
  const hostile = [
    "&|!():*",
    "'; drop table posts; --",
    '"unterminated quote',
    "candidature & | ! ( ) : * <-> \\",
    "🚀💼 emploi 🎉",
    "x".repeat(2_000),
    "é".repeat(1_999) + "'",
    "-",
    "or or or",
    "\u0000\uE000\uE001",
  ];
  it.each(hostile)("answers %#", async (q) => {
    await expect(run(actorOf(member), { q })).resolves.toBeDefined();
    await expect(run(null, { q, sort: "date" })).resolves.toBeDefined();
    await expect(suggest(contextFor(actorOf(member), testDb.db), q)).resolves.toBeDefined();
    await expect(
      similarThreads(contextFor(actorOf(member), testDb.db), { title: q, channel: "entraide" }),
    ).resolves.toBeDefined();
  });

  it("treats an empty query as the empty state, and tampered cursors as the first page", async () => {
    expect((await run(actorOf(member), { q: "   " })).isEmptyQuery).toBe(true);
    expect((await run(actorOf(member), { q: "candidature", cursor: "%%%" })).items.length).toBeGreaterThan(0);
    expect((await titles(actorOf(member), { q: "candidature" })).length).toBeGreaterThan(0);
  });
});

describe("permissions", () => {
  it("shows a visitor public offers only", async () => {
    const result = await run(null, { q: "candidatures spontanees" });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((hit) => hit.channelSlug === "offres")).toBe(true);
    expect(result.members).toEqual([]);
    expect(
      (await suggest(contextFor(null, testDb.db), "candidature")).threads.every((h) => h.channelSlug === "offres"),
    ).toBe(true);
  });

  it("hides the staff channel from members but not from facilitators", async () => {
    const ids = async (actor: Actor) => (await run(actor, { q: "candidatures" })).items.map((hit) => hit.threadId);
    expect(await ids(actorOf(member))).not.toContain(staffThread);
    expect(await ids(actorOf(facilitator))).toContain(staffThread);
  });

  it("never finds hidden or deleted posts, nor deleted threads", async () => {
    const hiddenThread = await thread("entraide", member, "Sujet masqué zygomatique", "zygomatique");
    const deletedThread = await thread("entraide", member, "Sujet supprimé xylophone", "xylophone");
    const hiddenReply = await reply(candidatureThread, member, "réponse masquée ornithorynque");
    await testDb.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.threadId, hiddenThread));
    await testDb.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, hiddenReply));
    await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deletedThread));
    for (const actor of [actorOf(member), actorOf(facilitator)]) {
      for (const q of ["zygomatique", "xylophone", "ornithorynque"]) {
        const result = await run(actor, { q });
        expect(result.items).toEqual([]);
        expect(result.closeTitles).toEqual([]);
      }
    }
  });

  /**
   * A page comes from the newest posts when the words are common there, from the GIN index when
   * they are not, and from a walk down the date index when the index holds too many matches: each
   * way must drop exactly the same posts. Page sizes and the cap are lowered so that this small
   * database takes all three (quinoa: 3 readable posts, boulgour: 2).
   */
  it("applies the same permissions whichever way a page is read", async () => {
    const entraide = await channelId(testDb.db, "entraide");
    const [staff] = await testDb.db.select().from(channels).where(eq(channels.slug, "equipe-test"));
    const readable: Record<string, number[]> = {};
    for (const [word, readableReplies] of [
      ["quinoa", 2],
      ["boulgour", 1],
    ] as const) {
      const host = await thread("entraide", member, `Recettes ${word}`, `Un ${word} bien cuit.`);
      const [opening] = await testDb.db.select().from(posts).where(eq(posts.threadId, host));
      readable[word] = [opening!.id];
      for (let n = 0; n < readableReplies; n++) readable[word]!.push(await reply(host, facilitator, `${word} lisible`));
      const hidden = await reply(host, facilitator, `${word} masqué`);
      const deleted = await reply(host, facilitator, `${word} supprimé`);
      await testDb.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, hidden));
      await testDb.db.update(posts).set({ deletedAt: new Date() }).where(eq(posts.id, deleted));
      const gone = await thread("entraide", member, `Fil supprimé ${word}`, word);
      await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, gone));
      await thread(staff!.id, facilitator, `Note ${word}`, `${word} interne`);
    }
    const postIdsOf = async (word: string, sort: SearchSort, limit: number, matchCap?: number) => {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof searchPosts>> = await searchPosts(testDb.db, {
          terms: searchTerms(word),
          filters: { channelIds: [entraide], type: "all" },
          sort,
          cursor,
          limit,
          matchCap,
        });
        ids.push(...page.items.map((hit) => hit.postId));
        cursor = page.nextCursor;
      } while (cursor);
      return ids.sort((a, b) => a - b);
    };
    for (const sort of ["relevance", "date"] as const) {
      expect(await postIdsOf("quinoa", sort, 1)).toEqual(readable.quinoa);
      expect(await postIdsOf("boulgour", sort, 1)).toEqual(readable.boulgour);
      expect(await postIdsOf("boulgour", sort, 2, 1)).toEqual(readable.boulgour);
    }
  });

  it("lists members for members only", async () => {
    expect((await run(actorOf(member), { q: "Nadia" })).members.map((m) => m.name)).toEqual(["Nadia Benali"]);
    expect((await run(null, { q: "Nadia" })).members).toEqual([]);
  });
});

describe("similar threads", () => {
  it("proposes the existing question while a member types a duplicate", async () => {
    const ctx = contextFor(actorOf(member), testDb.db);
    const similar = await similarThreads(ctx, {
      title: "Comment relancer une candidature spontanée",
      channel: "entraide",
    });
    expect(similar[0]).toMatchObject({ threadId: candidatureThread, isSolved: true });
    expect(similar[0]!.replyCount).toBeGreaterThan(0);
    expect(similar.length).toBeLessThanOrEqual(5);
    expect(
      await similarThreads(contextFor(null, testDb.db), { title: "Candidature spontanée", channel: "entraide" }),
    ).toEqual([]);
  });

  it("follows title renames", async () => {
    const id = await thread("entraide", member, "Titre provisoire", "Corps du message.");
    await testDb.db.update(threads).set({ title: "Mutuelle et prévoyance en association" }).where(eq(threads.id, id));
    expect(await titles(actorOf(member), { q: "prevoyance" })).toContain("Mutuelle et prévoyance en association");
  });
});
