import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { posts, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { createReply } from "./posts";
import { toggleReaction } from "./reactions";
import { getThreadPageRows } from "./thread-page";
import { createThread, listChannelThreads } from "./threads";
import { replyRow, threadRow } from "@/lib/forum/content";

/** Every SQL statement Drizzle sends for this file's database. */
const statements: string[] = [];
let testDb: TestDb;
let alice: User;
let bob: User;
let carol: User;
let facilitator: User;
let channel: number;

beforeAll(async () => {
  testDb = await createTestDb({ onQuery: (query) => statements.push(query) });
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  carol = await makeUser(testDb.db, "Carol Petit");
  facilitator = await makeUser(testDb.db, "Fanny Animatrice", "facilitator");
  channel = await channelId(testDb.db, "entraide");
});
afterAll(() => testDb.close());

/** Runs `action` and returns how many SQL statements it sent. */
async function countQueries<T>(action: () => Promise<T>): Promise<{ result: T; count: number; sql: string[] }> {
  const start = statements.length;
  const result = await action();
  const sql = statements.slice(start);
  return { result, count: sql.length, sql };
}

async function reply(threadId: number, author: User, text: string, replyToId?: number) {
  const result = await createReply(
    testDb.db,
    replyRow({
      threadId,
      authorId: author.id,
      body: documentFromText(text),
      replyToId,
    }),
  );
  if (!result.ok) throw new Error(result.reason);
  return result.post;
}

/**
 * A thread with `total` posts: the opening post, then top-level replies each followed by
 * `nestedPerRoot` nested answers, with reactions on the opening post, first roots and children.
 */
async function buildThread(title: string, total: number, nestedPerRoot: number) {
  const { thread, postId } = await createThread(
    testDb.db,
    threadRow({
      channelId: channel,
      authorId: alice.id,
      title,
      body: documentFromText(`Ouverture ${title}`),
    }),
  );
  const people = [alice, bob, carol];
  let made = 1;
  let rootIndex = 0;
  while (made < total) {
    const root = await reply(thread.id, people[rootIndex % 3]!, `Racine ${rootIndex}`);
    made++;
    for (let k = 0; k < nestedPerRoot && made < total; k++) {
      const child = await reply(thread.id, people[(rootIndex + k + 1) % 3]!, `Enfant ${rootIndex}.${k}`, root.id);
      made++;
      if (k === 0) await toggleReaction(testDb.db, { postId: child.id, userId: alice.id, emoji: "💡" });
    }
    if (rootIndex < 3) await toggleReaction(testDb.db, { postId: root.id, userId: bob.id, emoji: "👍" });
    rootIndex++;
  }
  await toggleReaction(testDb.db, { postId, userId: carol.id, emoji: "🎉" });
  return { threadId: thread.id, openingId: postId };
}

describe("getThreadPageRows", () => {
  it("returns the opening post, then top-level replies with their nested answers grouped under them", async () => {
    const { thread, postId: openingId } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Structure",
        body: documentFromText("Question"),
      }),
    );
    const first = await reply(thread.id, bob, "Premier");
    const second = await reply(thread.id, carol, "Deuxième");
    const toFirst = await reply(thread.id, alice, "Réponse au premier", first.id);
    const toSecond = await reply(thread.id, bob, "Réponse au deuxième", second.id);
    const toNested = await reply(thread.id, carol, "Réponse à la réponse", toFirst.id);
    const toOpening = await reply(thread.id, carol, "Réponse à l'ouverture", openingId);
    await toggleReaction(testDb.db, { postId: first.id, userId: carol.id, emoji: "👍" });

    const page = await getThreadPageRows(testDb.db, { threadId: thread.id, viewerId: bob.id });
    expect(page.opening).toMatchObject({
      id: openingId,
      number: 1,
      bodyHtml: "<p>Question</p>",
      author: { name: "Alice Martin" },
    });
    expect(page.replies.map((entry) => entry.post.id)).toEqual([first.id, second.id, toOpening.id]);
    expect(page.replies.map((entry) => entry.children.map((child) => child.id))).toEqual([
      [toFirst.id, toNested.id],
      [toSecond.id],
      [],
    ]);
    expect(page.replies[0]!.children.every((child) => child.replyToId === first.id)).toBe(true);
    expect(page.replies[0]!.post.reactions).toEqual([
      { emoji: "👍", count: 1, names: ["Carol Petit"], userIds: [carol.id], hasReacted: false },
    ]);
    expect(page.hasMore).toBe(false);
    expect(page.lastNumber).toBe(toOpening.number);
  });

  it("serves a long thread in windows: hasMore and lastNumber lead to the next window, without repeats", async () => {
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Fenêtres",
        body: documentFromText("Début"),
      }),
    );
    const roots = [];
    for (let i = 0; i < 7; i++) {
      const root = await reply(thread.id, [bob, carol][i % 2]!, `Racine ${i}`);
      roots.push(root);
      if (i % 3 === 0) await reply(thread.id, alice, `Sous ${i}`, root.id);
    }
    const viewerId = carol.id;

    const first = await getThreadPageRows(testDb.db, { threadId: thread.id, viewerId, limit: 3 });
    expect(first.opening?.number).toBe(1);
    expect(first.replies.map((entry) => entry.post.id)).toEqual(roots.slice(0, 3).map((root) => root.id));
    expect(first.replies[0]!.children.map((child) => child.bodyHtml)).toEqual(["<p>Sous 0</p>"]);
    expect(first.hasMore).toBe(true);
    expect(first.lastNumber).toBe(roots[2]!.number);

    const second = await getThreadPageRows(testDb.db, {
      threadId: thread.id,
      viewerId,
      limit: 3,
      after: first.lastNumber,
    });
    expect(second.opening).toBeNull();
    expect(second.replies.map((entry) => entry.post.id)).toEqual(roots.slice(3, 6).map((root) => root.id));
    expect(second.replies[0]!.children.map((child) => child.bodyHtml)).toEqual(["<p>Sous 3</p>"]);
    expect(second.hasMore).toBe(true);

    const third = await getThreadPageRows(testDb.db, {
      threadId: thread.id,
      viewerId,
      limit: 3,
      after: second.lastNumber,
    });
    expect(third.replies.map((entry) => entry.post.id)).toEqual([roots[6]!.id]);
    expect(third.replies[0]!.children.map((child) => child.bodyHtml)).toEqual(["<p>Sous 6</p>"]);
    expect(third.hasMore).toBe(false);
    expect(third.lastNumber).toBe(roots[6]!.number);

    // Exactly `limit` replies left: no phantom "load more".
    const exact = await getThreadPageRows(testDb.db, {
      threadId: thread.id,
      viewerId,
      limit: 4,
      after: roots[2]!.number,
    });
    expect(exact.replies).toHaveLength(4);
    expect(exact.hasMore).toBe(false);

    // Past the end: an empty window that keeps its cursor.
    const beyond = await getThreadPageRows(testDb.db, {
      threadId: thread.id,
      viewerId,
      limit: 3,
      after: third.lastNumber,
    });
    expect(beyond.replies).toEqual([]);
    expect(beyond.hasMore).toBe(false);
    expect(beyond.lastNumber).toBe(third.lastNumber);
  });

  it("keeps every body in the rows: what a reader may see is decided in lib/forum/reads.ts", async () => {
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Lignes brutes",
        body: documentFromText("Début"),
      }),
    );
    const hidden = await reply(thread.id, bob, "Propos masqués");
    await testDb.db
      .update(posts)
      .set({ hiddenAt: new Date(), hiddenReason: "Hors charte", hiddenById: facilitator.id })
      .where(eq(posts.id, hidden.id));

    const rows = await getThreadPageRows(testDb.db, { threadId: thread.id, viewerId: carol.id });
    expect(rows.replies[0]!.post).toMatchObject({ id: hidden.id, bodyHtml: "<p>Propos masqués</p>" });
    expect(rows.replies[0]!.post.hiddenAt).not.toBeNull();
  });
});

describe("query counts", () => {
  it("reads a 200-post thread page with as many queries as a 5-post one", async () => {
    const small = await buildThread("Petit fil", 5, 1);
    const large = await buildThread("Grand fil", 200, 3);
    const viewerId = carol.id;

    const smallRun = await countQueries(() => getThreadPageRows(testDb.db, { threadId: small.threadId, viewerId }));
    const largeRun = await countQueries(() => getThreadPageRows(testDb.db, { threadId: large.threadId, viewerId }));

    // The data really is there: nested answers and reactions in both windows.
    expect(smallRun.result.replies).toHaveLength(2);
    expect(smallRun.result.replies.flatMap((entry) => entry.children)).toHaveLength(2);
    expect(largeRun.result.replies).toHaveLength(40);
    expect(largeRun.result.replies.flatMap((entry) => entry.children).length).toBeGreaterThan(100);
    expect(largeRun.result.hasMore).toBe(true);
    expect(largeRun.result.opening?.reactions).toEqual([
      { emoji: "🎉", count: 1, names: ["Carol Petit"], userIds: [carol.id], hasReacted: true },
    ]);
    expect(largeRun.result.replies[0]!.post.reactions[0]).toMatchObject({ emoji: "👍", count: 1, hasReacted: false });

    expect(largeRun.count).toBe(smallRun.count);
    expect(largeRun.count).toBeLessThanOrEqual(4);
    expect(largeRun.count).toBeGreaterThan(0);

    // The next window of the long thread costs the same.
    const nextRun = await countQueries(() =>
      getThreadPageRows(testDb.db, { threadId: large.threadId, viewerId, after: largeRun.result.lastNumber }),
    );
    expect(nextRun.result.replies.length).toBeGreaterThan(0);
    expect(nextRun.count).toBe(largeRun.count);
  });

  it("lists a channel of 60 threads with as many queries as one of 5", async () => {
    const fewChannel = await channelId(testDb.db, "cv");
    const manyChannel = await channelId(testDb.db, "programme");
    const people = [alice, bob, carol, facilitator];
    const fill = async (target: number, count: number) => {
      for (let i = 0; i < count; i++) {
        const { thread } = await createThread(
          testDb.db,
          threadRow({
            channelId: target,
            authorId: people[i % 4]!.id,
            title: `Fil ${i}`,
            body: documentFromText("x"),
          }),
        );
        await createReply(
          testDb.db,
          replyRow({
            threadId: thread.id,
            authorId: people[(i + 1) % 4]!.id,
            body: documentFromText("y"),
          }),
        );
      }
    };
    await fill(fewChannel, 5);
    await fill(manyChannel, 60);

    const few = await countQueries(() => listChannelThreads(testDb.db, { channelId: fewChannel }));
    const many = await countQueries(() => listChannelThreads(testDb.db, { channelId: manyChannel }));
    expect(few.result.items).toHaveLength(5);
    expect(many.result.items).toHaveLength(30);
    expect(many.result.items.every((item) => item.participants.length === 2)).toBe(true);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(2);

    const secondPage = await countQueries(() =>
      listChannelThreads(testDb.db, { channelId: manyChannel, cursor: many.result.nextCursor! }),
    );
    expect(secondPage.result.items).toHaveLength(30);
    expect(secondPage.count).toBe(few.count);
  });
});
