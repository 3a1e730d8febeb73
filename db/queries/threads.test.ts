import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drafts, posts, threads, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { getDraft, saveDraft } from "./drafts";
import { createReply } from "./posts";
import { createThread, listChannelThreads, THREADS_PAGE_SIZE, type ThreadListItem } from "./threads";
import { replyRow, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let alice: User;
let bob: User;
let carol: User;

beforeAll(async () => {
  testDb = await createTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  carol = await makeUser(testDb.db, "Carol Petit");
});
afterAll(() => testDb.close());

/** Follows nextCursor until the end; fails the test rather than looping forever. */
async function collectAllPages(channel: number): Promise<{ pages: ThreadListItem[][]; items: ThreadListItem[] }> {
  const pages: ThreadListItem[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 50; guard++) {
    const page = await listChannelThreads(testDb.db, { channelId: channel, cursor });
    pages.push(page.items);
    if (!page.nextCursor) return { pages, items: pages.flat() };
    cursor = page.nextCursor;
  }
  throw new Error("pagination never ended");
}

/** The channel's whole listing in one query, in the order the page promises. */
async function fullOrder(channel: number): Promise<number[]> {
  const rows = await testDb.db
    .select({ id: threads.id })
    .from(threads)
    .where(and(eq(threads.channelId, channel), isNull(threads.deletedAt)))
    .orderBy(desc(threads.isPinned), desc(threads.lastActivityAt), desc(threads.id));
  return rows.map((row) => row.id);
}

describe("createThread", () => {
  it("creates the opening post number 1 with rendered HTML, plain text, excerpt and its author as recent poster", async () => {
    const channel = await channelId(testDb.db, "entraide");
    const body = documentFromText("Bonjour <tous> & bienvenue\n\nDeuxième paragraphe");
    const { thread, postId, isNew } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Relire mon CV ?",
        body,
      }),
    );
    expect(isNew).toBe(true);
    expect(thread.slug).toBe("relire-mon-cv");
    expect(thread.excerpt).toBe("Bonjour <tous> & bienvenue Deuxième paragraphe");
    expect(thread.recentPosterIds).toEqual([alice.id]);
    expect(thread.replyCount).toBe(0);
    expect(thread.lastPostNumber).toBe(1);

    const [opening] = await testDb.db.select().from(posts).where(eq(posts.threadId, thread.id));
    expect(opening!.id).toBe(postId);
    expect(opening!.number).toBe(1);
    expect(opening!.replyToId).toBeNull();
    expect(opening!.authorId).toBe(alice.id);
    expect(opening!.bodyHtml).toBe("<p>Bonjour &lt;tous&gt; &amp; bienvenue</p><p>Deuxième paragraphe</p>");
    expect(opening!.bodyText).toBe("Bonjour <tous> & bienvenue\nDeuxième paragraphe");
    expect(opening!.body).toEqual(body);
  });

  it("cuts a long opening post into a short excerpt", async () => {
    const channel = await channelId(testDb.db, "entraide");
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Long",
        body: documentFromText("mot ".repeat(200)),
      }),
    );
    expect(thread.excerpt.length).toBeLessThanOrEqual(180);
    expect(thread.excerpt.endsWith("…")).toBe(true);
  });

  it("returns the first thread when the same submission is sent twice (idempotency key)", async () => {
    const channel = await channelId(testDb.db, "entraide");
    const params = {
      channelId: channel,
      authorId: bob.id,
      title: "Envoyé deux fois",
      body: documentFromText("Double clic"),
      idempotencyKey: "submit-thread-1",
    };
    const first = await createThread(testDb.db, threadRow(params));
    const second = await createThread(testDb.db, threadRow(params));
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    expect(second.thread.id).toBe(first.thread.id);
    expect(second.postId).toBe(first.postId);

    const rows = await testDb.db.select({ id: threads.id }).from(threads).where(eq(threads.title, "Envoyé deux fois"));
    expect(rows).toHaveLength(1);
    const opening = await testDb.db.select({ id: posts.id }).from(posts).where(eq(posts.threadId, first.thread.id));
    expect(opening).toHaveLength(1);
  });

  /**
   * The same submission twice at once (double click, client retry): on PostgreSQL a SHARE lock
   * on `threads` holds both until they have passed the idempotency check, so the second one
   * meets the unique index and must return the first thread, not an error.
   */
  it("returns the first thread when the same submission arrives concurrently", async () => {
    const channel = await channelId(testDb.db, "entraide");
    const params = {
      channelId: channel,
      authorId: carol.id,
      title: "Double clic simultané",
      body: documentFromText("Envoyé deux fois en même temps"),
      idempotencyKey: "submit-thread-concurrent",
    };
    const submitTwice = () =>
      Promise.allSettled([createThread(testDb.db, threadRow(params)), createThread(testDb.db, threadRow(params))]);
    let pending: ReturnType<typeof submitTwice>;
    if (testDb.driver === "postgres") {
      await testDb.db.transaction(async (tx) => {
        await tx.execute(sql`lock table threads in share mode`);
        pending = submitTwice();
        for (let attempt = 0; attempt < 300; attempt++) {
          const { rows } = await tx.execute<{ waiting: number }>(
            sql`select count(*)::int as waiting from pg_locks where not granted and relation = 'threads'::regclass`,
          );
          if (rows[0]!.waiting >= 2) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      });
    } else {
      pending = submitTwice();
    }
    const results = await pending!;
    const rows = await testDb.db.select({ id: threads.id }).from(threads).where(eq(threads.title, params.title));
    expect(rows).toHaveLength(1);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
    const ids = results.map((result) => (result.status === "fulfilled" ? result.value.thread.id : null));
    expect(ids).toEqual([rows[0]!.id, rows[0]!.id]);
  });

  it("does not confuse the same idempotency key used by two different members", async () => {
    const channel = await channelId(testDb.db, "entraide");
    const body = documentFromText("Même clé");
    const fromAlice = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "A",
        body,
        idempotencyKey: "shared-key",
      }),
    );
    const fromCarol = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: carol.id,
        title: "C",
        body,
        idempotencyKey: "shared-key",
      }),
    );
    expect(fromCarol.isNew).toBe(true);
    expect(fromCarol.thread.id).not.toBe(fromAlice.thread.id);
    expect(fromCarol.thread.authorId).toBe(carol.id);
  });

  it("deletes the author's new-thread draft for that channel on publish, and only that one", async () => {
    const channel = await channelId(testDb.db, "cv");
    const otherChannel = await channelId(testDb.db, "lettres");
    await saveDraft(testDb.db, {
      userId: carol.id,
      target: `thread:${channel}`,
      payload: { title: "Brouillon", body: "..." },
    });
    await saveDraft(testDb.db, { userId: carol.id, target: `thread:${otherChannel}`, payload: { title: "Autre" } });
    await saveDraft(testDb.db, { userId: bob.id, target: `thread:${channel}`, payload: { title: "Celui de Bob" } });

    await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: carol.id,
        title: "Publié",
        body: documentFromText("Fini"),
      }),
    );

    expect(await getDraft(testDb.db, { userId: carol.id, target: `thread:${channel}` })).toBeNull();
    expect((await getDraft(testDb.db, { userId: carol.id, target: `thread:${otherChannel}` }))?.payload.title).toBe(
      "Autre",
    );
    expect((await getDraft(testDb.db, { userId: bob.id, target: `thread:${channel}` }))?.payload.title).toBe(
      "Celui de Bob",
    );
    const remaining = await testDb.db.select().from(drafts).where(eq(drafts.userId, carol.id));
    expect(remaining.map((draft) => draft.target)).toEqual([`thread:${otherChannel}`]);
  });
});

describe("listChannelThreads", () => {
  it("lists pinned threads first, then the most recently active, and a reply bumps a thread to the top", async () => {
    const channel = await channelId(testDb.db, "pitch");
    const created: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { thread } = await createThread(
        testDb.db,
        threadRow({
          channelId: channel,
          authorId: alice.id,
          title: `Pitch ${i}`,
          body: documentFromText(`Pitch ${i}`),
        }),
      );
      created.push(thread.id);
    }
    // Give them distinct, older activity times: Pitch 0 oldest … Pitch 3 newest.
    for (const [index, id] of created.entries()) {
      await testDb.db
        .update(threads)
        .set({ lastActivityAt: new Date(Date.UTC(2024, 0, 1, 10, index)) })
        .where(eq(threads.id, id));
    }
    // Pitch 1 is pinned although it is not recent.
    await testDb.db.update(threads).set({ isPinned: true }).where(eq(threads.id, created[1]!));

    let page = await listChannelThreads(testDb.db, { channelId: channel });
    expect(page.items.map((item) => item.title)).toEqual(["Pitch 1", "Pitch 3", "Pitch 2", "Pitch 0"]);
    expect(page.items[0]!.isPinned).toBe(true);
    expect(page.nextCursor).toBeNull();

    const reply = await createReply(
      testDb.db,
      replyRow({
        threadId: created[0]!,
        authorId: bob.id,
        body: documentFromText("Je réponds"),
      }),
    );
    expect(reply.ok).toBe(true);

    page = await listChannelThreads(testDb.db, { channelId: channel });
    // The replied thread comes right after the pinned one, with its new reply count.
    expect(page.items.map((item) => item.title)).toEqual(["Pitch 1", "Pitch 0", "Pitch 3", "Pitch 2"]);
    expect(page.items[1]!.replyCount).toBe(1);
    expect(page.items[1]!.lastActivityAt.getTime()).toBeGreaterThan(Date.UTC(2024, 0, 2));
  });

  it("shows each thread's author and participants (names of recent posters, newest first, at most five)", async () => {
    const channel = await channelId(testDb.db, "lettres");
    const dave = await makeUser(testDb.db, "Dave Leroy");
    const eve = await makeUser(testDb.db, "Eve Moreau");
    const fred = await makeUser(testDb.db, "Fred Simon");
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Ma lettre",
        body: documentFromText("Avis ?"),
      }),
    );
    for (const user of [bob, carol, bob]) {
      await createReply(
        testDb.db,
        replyRow({
          threadId: thread.id,
          authorId: user.id,
          body: documentFromText(`Avis de ${user.name}`),
        }),
      );
    }
    let item = (await listChannelThreads(testDb.db, { channelId: channel })).items.find(
      (entry) => entry.id === thread.id,
    )!;
    expect(item.author).toMatchObject({ id: alice.id, name: "Alice Martin" });
    expect(item.participants).toEqual([
      { id: bob.id, name: "Bob Durand" },
      { id: carol.id, name: "Carol Petit" },
      { id: alice.id, name: "Alice Martin" },
    ]);
    expect(item.replyCount).toBe(3);

    for (const user of [dave, eve, fred]) {
      await createReply(
        testDb.db,
        replyRow({ threadId: thread.id, authorId: user.id, body: documentFromText("Moi aussi") }),
      );
    }
    item = (await listChannelThreads(testDb.db, { channelId: channel })).items.find((entry) => entry.id === thread.id)!;
    expect(item.participants.map((participant) => participant.name)).toEqual([
      "Fred Simon",
      "Eve Moreau",
      "Dave Leroy",
      "Bob Durand",
      "Carol Petit",
    ]);
  });

  it("pages through 65 threads 30 at a time with no duplicate and no gap, pinned first", async () => {
    const channel = await channelId(testDb.db, "offres");
    const ids: number[] = [];
    for (let i = 0; i < 65; i++) {
      const author = [alice, bob, carol][i % 3]!;
      const { thread } = await createThread(
        testDb.db,
        threadRow({
          channelId: channel,
          authorId: author.id,
          title: `Offre ${i}`,
          body: documentFromText(`Offre ${i}`),
        }),
      );
      ids.push(thread.id);
    }
    // Deterministic activity times, four threads per minute: several page boundaries fall
    // inside a group of equal times, so the id tie-breaker is exercised. Two pinned threads.
    for (const [index, id] of ids.entries()) {
      await testDb.db
        .update(threads)
        .set({
          lastActivityAt: new Date(Date.UTC(2024, 5, 1, 8, Math.floor(index / 4))),
          isPinned: index === 5 || index === 40,
        })
        .where(eq(threads.id, id));
    }
    // A deleted thread never shows.
    const { thread: deleted } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Supprimé",
        body: documentFromText("x"),
      }),
    );
    await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deleted.id));

    const { pages, items } = await collectAllPages(channel);
    expect(pages.map((page) => page.length)).toEqual([THREADS_PAGE_SIZE, THREADS_PAGE_SIZE, 5]);
    const seen = items.map((item) => item.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(seen).toEqual(await fullOrder(channel));
    expect(items.slice(0, 2).map((item) => item.id)).toEqual([ids[40], ids[5]]);
    expect(items.slice(2).every((item) => !item.isPinned)).toBe(true);
  });

  it("a page ends with a null cursor exactly when nothing is left", async () => {
    const channel = await channelId(testDb.db, "offres");
    const first = await listChannelThreads(testDb.db, { channelId: channel, limit: 65 });
    expect(first.items).toHaveLength(65);
    expect(first.nextCursor).toBeNull();
    const short = await listChannelThreads(testDb.db, { channelId: channel, limit: 64 });
    expect(short.nextCursor).not.toBeNull();
    const rest = await listChannelThreads(testDb.db, { channelId: channel, limit: 64, cursor: short.nextCursor! });
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  /**
   * PostgreSQL keeps microseconds: a cursor truncated to milliseconds would skip threads active
   * in the same millisecond as the last one of a page.
   */
  it("does not lose a thread whose activity is in the same millisecond as the page's last one", async () => {
    const channel = await channelId(testDb.db, "programme");
    const ids: number[] = [];
    for (let i = 0; i < 31; i++) {
      const { thread } = await createThread(
        testDb.db,
        threadRow({
          channelId: channel,
          authorId: bob.id,
          title: `Atelier ${i}`,
          body: documentFromText("x"),
        }),
      );
      ids.push(thread.id);
    }
    // Newest first: 29 threads a minute apart, then two bumped within the same millisecond.
    for (const [index, id] of ids.entries()) {
      const at =
        index === 29
          ? sql`'2024-03-01T09:00:00.123456Z'::timestamptz`
          : index === 30
            ? sql`'2024-03-01T09:00:00.123400Z'::timestamptz`
            : sql`${new Date(Date.UTC(2024, 2, 1, 10, 60 - index)).toISOString()}::timestamptz`;
      await testDb.db.update(threads).set({ lastActivityAt: at }).where(eq(threads.id, id));
    }
    expect(await fullOrder(channel)).toEqual(ids);
    const { items } = await collectAllPages(channel);
    expect(items.map((item) => item.id)).toEqual(ids);
  });
});
