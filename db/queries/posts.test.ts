import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mentions, posts, threads, users, type User } from "../schema";
import { channelId, documentFromText, documentWithMentions, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { getDraft, saveDraft } from "./drafts";
import { createReply, deletePost, getPostById, listPostRevisions, listPostsAfter, updatePost } from "./posts";
import { createThread } from "./threads";
import { postContent, replyRow, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let alice: User;
let bob: User;
let carol: User;
let channel: number;

beforeAll(async () => {
  testDb = await createTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  carol = await makeUser(testDb.db, "Carol Petit");
  channel = await channelId(testDb.db, "entraide");
});
afterAll(() => testDb.close());

async function newThread(title = "Un fil", authorId = alice.id) {
  const { thread, postId } = await createThread(
    testDb.db,
    threadRow({
      channelId: channel,
      authorId,
      title,
      body: documentFromText(`Ouverture de ${title}`),
    }),
  );
  return { threadId: thread.id, openingId: postId };
}

async function reply(
  threadId: number,
  authorId: string,
  text: string,
  extra: { replyToId?: number | null; idempotencyKey?: string } = {},
) {
  const result = await createReply(testDb.db, replyRow({ threadId, authorId, body: documentFromText(text), ...extra }));
  if (!result.ok) throw new Error(`reply failed: ${result.reason}`);
  return result;
}

async function loadThreadRow(threadId: number) {
  const [row] = await testDb.db.select().from(threads).where(eq(threads.id, threadId));
  return row!;
}

async function postsOf(threadId: number) {
  return testDb.db.select().from(posts).where(eq(posts.threadId, threadId)).orderBy(asc(posts.number));
}

describe("createReply numbering", () => {
  it("numbers replies 2, 3, … in order and keeps the reply count", async () => {
    const { threadId } = await newThread("Numérotation");
    const first = await reply(threadId, bob.id, "Première réponse");
    const second = await reply(threadId, carol.id, "Deuxième réponse");
    expect(first.isNew).toBe(true);
    expect(first.post.number).toBe(2);
    expect(second.post.number).toBe(3);
    expect(second.post.author).toMatchObject({ id: carol.id, name: "Carol Petit" });
    expect(second.post.bodyHtml).toBe("<p>Deuxième réponse</p>");
    const thread = await loadThreadRow(threadId);
    expect(thread.replyCount).toBe(2);
    expect(thread.lastPostNumber).toBe(3);
  });

  it("hands out exactly 2..21 to 20 concurrent replies, without gaps or duplicates", async () => {
    const { threadId } = await newThread("Concurrence");
    const authors = [alice, bob, carol];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createReply(
          testDb.db,
          replyRow({ threadId, authorId: authors[i % 3]!.id, body: documentFromText(`Réponse ${i}`) }),
        ),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const returned = results.map((result) => (result.ok ? result.post.number : -1)).sort((a, b) => a - b);
    const expected = Array.from({ length: 20 }, (_, i) => i + 2);
    expect(returned).toEqual(expected);

    const stored = await postsOf(threadId);
    expect(stored.map((post) => post.number)).toEqual([1, ...expected]);
    const thread = await loadThreadRow(threadId);
    expect(thread.replyCount).toBe(20);
    expect(thread.lastPostNumber).toBe(21);
  });
});

describe("createReply nesting", () => {
  it("answers to the opening post are top-level; answers to a nested reply attach to its root", async () => {
    const { threadId, openingId } = await newThread("Imbrication");
    const toOpening = await reply(threadId, bob.id, "Réponse au message d'ouverture", { replyToId: openingId });
    expect(toOpening.post.replyToId).toBeNull();

    const root = await reply(threadId, carol.id, "Racine");
    const nested = await reply(threadId, alice.id, "Sous la racine", { replyToId: root.post.id });
    expect(nested.post.replyToId).toBe(root.post.id);

    const deeper = await reply(threadId, bob.id, "Réponse à la réponse imbriquée", { replyToId: nested.post.id });
    expect(deeper.post.replyToId).toBe(root.post.id);
    expect(deeper.post.number).toBe(5);
  });

  it("refuses a reply target from another thread, and writes nothing", async () => {
    const one = await newThread("Fil un");
    const other = await newThread("Fil deux");
    const foreign = await reply(other.threadId, bob.id, "Ailleurs");
    const before = await loadThreadRow(one.threadId);

    const result = await createReply(
      testDb.db,
      replyRow({
        threadId: one.threadId,
        authorId: carol.id,
        body: documentFromText("Perdu"),
        replyToId: foreign.post.id,
      }),
    );
    expect(result).toEqual({ ok: false, reason: "reply_target_not_found" });

    const after = await loadThreadRow(one.threadId);
    expect(after.lastPostNumber).toBe(before.lastPostNumber);
    expect(after.replyCount).toBe(before.replyCount);
    expect(await postsOf(one.threadId)).toHaveLength(1);
  });

  it("refuses a reply to a thread that does not exist or was deleted", async () => {
    const missing = await createReply(
      testDb.db,
      replyRow({ threadId: 987_654, authorId: bob.id, body: documentFromText("?") }),
    );
    expect(missing).toEqual({ ok: false, reason: "thread_not_found" });

    const { threadId } = await newThread("Bientôt supprimé");
    await testDb.db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, threadId));
    const deleted = await createReply(testDb.db, replyRow({ threadId, authorId: bob.id, body: documentFromText("?") }));
    expect(deleted).toEqual({ ok: false, reason: "thread_not_found" });
    expect(await postsOf(threadId)).toHaveLength(1);
  });
});

describe("createReply idempotency", () => {
  it("returns the first post when the same submission is retried", async () => {
    const { threadId } = await newThread("Retry");
    const first = await reply(threadId, bob.id, "Une seule fois", { idempotencyKey: "reply-key-1" });
    const second = await reply(threadId, bob.id, "Une seule fois", { idempotencyKey: "reply-key-1" });
    expect(first.isNew).toBe(true);
    expect(second.isNew).toBe(false);
    expect(second.post.id).toBe(first.post.id);
    expect(await postsOf(threadId)).toHaveLength(2);
    expect((await loadThreadRow(threadId)).replyCount).toBe(1);
  });

  it("creates one post when the same submission arrives concurrently, and the numbering stays gap-free", async () => {
    const { threadId } = await newThread("Double envoi");
    const key = `concurrent-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        createReply(
          testDb.db,
          replyRow({
            threadId,
            authorId: carol.id,
            body: documentFromText("Envoyé quatre fois"),
            idempotencyKey: key,
          }),
        ),
      ),
    );
    const ids = new Set(results.map((result) => (result.ok ? result.post.id : null)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).not.toBeNull();
    expect(results.filter((result) => result.ok && result.isNew)).toHaveLength(1);

    const stored = await postsOf(threadId);
    expect(stored).toHaveLength(2);
    const thread = await loadThreadRow(threadId);
    expect(thread.replyCount).toBe(1);
    expect(thread.lastPostNumber).toBe(2);

    // The next reply takes number 3: the losers' counter bumps were rolled back.
    const next = await reply(threadId, alice.id, "Suivante");
    expect(next.post.number).toBe(3);
  });

  it("clears the author's reply draft for the thread on publish", async () => {
    const { threadId } = await newThread("Brouillon de réponse");
    await saveDraft(testDb.db, { userId: bob.id, target: `reply:${threadId}`, payload: { body: "en cours" } });
    await saveDraft(testDb.db, { userId: carol.id, target: `reply:${threadId}`, payload: { body: "celui de Carol" } });
    await reply(threadId, bob.id, "Publié");
    expect(await getDraft(testDb.db, { userId: bob.id, target: `reply:${threadId}` })).toBeNull();
    expect(await getDraft(testDb.db, { userId: carol.id, target: `reply:${threadId}` })).not.toBeNull();
  });
});

describe("updatePost", () => {
  it("saves an edit from the expected version, marks it edited and keeps the previous version", async () => {
    const { threadId } = await newThread("Édition");
    const original = await reply(threadId, bob.id, "Version une");
    const result = await updatePost(testDb.db, {
      postId: original.post.id,
      actorId: bob.id,
      content: postContent(documentFromText("Version deux")),
      expectedVersion: 1,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post.version).toBe(2);
    expect(result.post.editedAt).toBeInstanceOf(Date);
    expect(result.post.bodyHtml).toBe("<p>Version deux</p>");
    expect(result.post.bodyText).toBe("Version deux");

    const stored = await getPostById(testDb.db, { postId: original.post.id });
    expect(stored).toMatchObject({ version: 2, bodyText: "Version deux" });
    expect(stored!.editedAt).not.toBeNull();

    const revisions = await listPostRevisions(testDb.db, { postId: original.post.id });
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({ version: 1, bodyHtml: "<p>Version une</p>" });
  });

  it("refuses an edit started from a stale version, returns the current text and changes nothing", async () => {
    const { threadId } = await newThread("Conflit");
    const original = await reply(threadId, carol.id, "Texte initial");
    await updatePost(testDb.db, {
      postId: original.post.id,
      actorId: carol.id,
      content: postContent(documentFromText("Modifié ailleurs")),
      expectedVersion: 1,
    });

    const stale = await updatePost(testDb.db, {
      postId: original.post.id,
      actorId: carol.id,
      content: postContent(documentFromText("Mon ancienne copie")),
      expectedVersion: 1,
    });
    expect(stale.ok).toBe(false);
    if (stale.ok || stale.reason !== "conflict") throw new Error(`expected a conflict, got ${JSON.stringify(stale)}`);
    expect(stale.current.version).toBe(2);
    expect(stale.current.bodyText).toBe("Modifié ailleurs");
    expect(stale.current.bodyHtml).toBe("<p>Modifié ailleurs</p>");

    const stored = await getPostById(testDb.db, { postId: original.post.id });
    expect(stored).toMatchObject({ version: 2, bodyText: "Modifié ailleurs" });
    expect(await listPostRevisions(testDb.db, { postId: original.post.id })).toHaveLength(1);
  });

  it("editing the opening post refreshes the thread's excerpt and title", async () => {
    const { threadId, openingId } = await newThread("Titre initial");
    const result = await updatePost(testDb.db, {
      postId: openingId,
      actorId: alice.id,
      content: postContent(documentFromText("Nouveau début")),
      expectedVersion: 1,
      title: "Titre corrigé",
    });
    expect(result.ok).toBe(true);
    const thread = await loadThreadRow(threadId);
    expect(thread.excerpt).toBe("Nouveau début");
    expect(thread.title).toBe("Titre corrigé");
  });

  it("does not let another member edit or delete someone's post", async () => {
    const { threadId } = await newThread("Pas à toi");
    const original = await reply(threadId, bob.id, "Message de Bob");
    const before = await getPostById(testDb.db, { postId: original.post.id });

    const edit = await updatePost(testDb.db, {
      postId: original.post.id,
      actorId: carol.id,
      content: postContent(documentFromText("Piraté")),
      expectedVersion: 1,
    });
    expect(edit).toEqual({ ok: false, reason: "not_found" });
    expect(await deletePost(testDb.db, { postId: original.post.id, actorId: carol.id })).toBeNull();

    const after = await getPostById(testDb.db, { postId: original.post.id });
    expect(after).toEqual(before);
    expect(after!.deletedAt).toBeNull();
    expect(await listPostRevisions(testDb.db, { postId: original.post.id })).toHaveLength(0);
    expect((await loadThreadRow(threadId)).replyCount).toBe(1);
  });
});

describe("deletePost", () => {
  it("erases the body and earlier versions, keeps the row and its number, and decrements the reply count", async () => {
    const { threadId } = await newThread("Suppression");
    const kept = await reply(threadId, carol.id, "Reste");
    const doomed = await reply(threadId, bob.id, "Secret à effacer");
    await updatePost(testDb.db, {
      postId: doomed.post.id,
      actorId: bob.id,
      content: postContent(documentFromText("Secret modifié")),
      expectedVersion: 1,
    });
    expect((await loadThreadRow(threadId)).replyCount).toBe(2);

    const deleted = await deletePost(testDb.db, { postId: doomed.post.id, actorId: bob.id });
    expect(deleted).not.toBeNull();

    const stored = await getPostById(testDb.db, { postId: doomed.post.id });
    expect(stored).not.toBeNull();
    expect(stored!.number).toBe(3);
    expect(stored!.deletedAt).not.toBeNull();
    expect(stored!.bodyHtml).toBe("");
    expect(stored!.bodyText).toBe("");
    expect(JSON.stringify(stored!.body)).not.toContain("Secret");
    expect(await listPostRevisions(testDb.db, { postId: doomed.post.id })).toEqual([]);
    expect((await loadThreadRow(threadId)).replyCount).toBe(1);
    expect((await getPostById(testDb.db, { postId: kept.post.id }))!.bodyText).toBe("Reste");

    // Deleting twice does nothing more.
    expect(await deletePost(testDb.db, { postId: doomed.post.id, actorId: bob.id })).toBeNull();
    expect((await loadThreadRow(threadId)).replyCount).toBe(1);
    // And a deleted post can no longer be edited.
    const edit = await updatePost(testDb.db, {
      postId: doomed.post.id,
      actorId: bob.id,
      content: postContent(documentFromText("Revenu")),
      expectedVersion: 3,
    });
    expect(edit).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("listPostsAfter", () => {
  it("returns the posts after a number, in order, for a reconnecting reader", async () => {
    const { threadId } = await newThread("Rattrapage");
    const root = await reply(threadId, bob.id, "2");
    await reply(threadId, carol.id, "3", { replyToId: root.post.id });
    await reply(threadId, alice.id, "4");
    await reply(threadId, bob.id, "5");
    const other = await newThread("Autre fil");
    await reply(other.threadId, bob.id, "ailleurs");

    const after = await listPostsAfter(testDb.db, { threadId, afterNumber: 2 });
    expect(after.map((post) => post.number)).toEqual([3, 4, 5]);
    expect(after.map((post) => post.bodyText)).toEqual(["3", "4", "5"]);
    expect(after[0]!.author.name).toBe("Carol Petit");
    expect(after[0]!.replyToId).toBe(root.post.id);

    expect((await listPostsAfter(testDb.db, { threadId, afterNumber: 0 })).map((post) => post.number)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(await listPostsAfter(testDb.db, { threadId, afterNumber: 5 })).toEqual([]);
    expect(
      (await listPostsAfter(testDb.db, { threadId, afterNumber: 1, limit: 2 })).map((post) => post.number),
    ).toEqual([2, 3]);
  });
});

describe("mentions", () => {
  it("records mentions of existing active members and drops unknown or suspended ones", async () => {
    const suspended = await makeUser(testDb.db, "Sam Suspendu");
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, suspended.id));
    const unknownId = randomUUID();
    const { threadId } = await newThread("Mentions");
    const body = documentWithMentions("merci !", [
      { id: bob.id, label: "Bob Durand" },
      { id: carol.id, label: "Carol Petit" },
      { id: unknownId, label: "Fantôme" },
      { id: suspended.id, label: "Sam Suspendu" },
    ]);
    const result = await createReply(testDb.db, replyRow({ threadId, authorId: alice.id, body }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post.bodyHtml).toContain(`data-user-id="${bob.id}"`);

    const stored = await testDb.db
      .select({ userId: mentions.userId })
      .from(mentions)
      .where(eq(mentions.postId, result.post.id));
    expect(stored.map((row) => row.userId).sort()).toEqual([bob.id, carol.id].sort());

    // An edit replaces the mentions with those of the new text.
    await updatePost(testDb.db, {
      postId: result.post.id,
      actorId: alice.id,
      content: postContent(documentWithMentions("finalement", [{ id: carol.id, label: "Carol Petit" }])),
      expectedVersion: 1,
    });
    const afterEdit = await testDb.db
      .select({ userId: mentions.userId })
      .from(mentions)
      .where(eq(mentions.postId, result.post.id));
    expect(afterEdit.map((row) => row.userId)).toEqual([carol.id]);

    // Deleting the post removes its mentions.
    await deletePost(testDb.db, { postId: result.post.id, actorId: alice.id });
    expect(await testDb.db.select().from(mentions).where(eq(mentions.postId, result.post.id))).toEqual([]);
  });

  it("records mentions in an opening post too", async () => {
    const { thread, postId } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: carol.id,
        title: "Avec mention",
        body: documentWithMentions("peux-tu relire ?", [
          { id: bob.id, label: "Bob Durand" },
          { id: randomUUID(), label: "Inconnu" },
        ]),
      }),
    );
    expect(thread.excerpt).toBe("@Bob Durand @Inconnu peux-tu relire ?");
    const stored = await testDb.db
      .select({ userId: mentions.userId })
      .from(mentions)
      .where(eq(mentions.postId, postId));
    expect(stored.map((row) => row.userId)).toEqual([bob.id]);
  });
});
