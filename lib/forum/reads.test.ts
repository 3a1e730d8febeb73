import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { posts, type User } from "@/db/schema";
import { actorOf, channelId, documentFromText, makeUser } from "@/db/test-factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { createReply, deletePost } from "@/db/queries/posts";
import { toggleReaction } from "@/db/queries/reactions";
import { createThread } from "@/db/queries/threads";
import { getThreadPageData, unreadOf } from "./reads";
import { replyRow, threadRow } from "@/lib/forum/content";

// The permission-aware shaping of a thread window (rows come from db/queries/thread-page.ts).
let testDb: TestDb;
let alice: User;
let bob: User;
let carol: User;
let facilitator: User;
let channel: number;

beforeAll(async () => {
  testDb = await createTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  carol = await makeUser(testDb.db, "Carol Petit");
  facilitator = await makeUser(testDb.db, "Fanny Animatrice", "facilitator");
  channel = await channelId(testDb.db, "entraide");
});
afterAll(() => testDb.close());

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

describe("getThreadPageData", () => {
  it("shapes the window for its reader: nesting kept, edit rights and own reactions per reader", async () => {
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
    await toggleReaction(testDb.db, { postId: first.id, userId: carol.id, emoji: "👍" });

    const page = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(bob) });
    expect(page.opening).toMatchObject({ id: openingId, bodyHtml: "<p>Question</p>", canEdit: false });
    expect(page.replies.map((entry) => entry.post.id)).toEqual([first.id, second.id]);
    expect(page.replies[0]!.children.map((child) => child.id)).toEqual([toFirst.id]);
    expect(page.replies[0]!.post.canEdit).toBe(true);
    expect(page.replies[1]!.post.canEdit).toBe(false);
    expect(page.replies[0]!.post.reactions).toEqual([
      { emoji: "👍", count: 1, names: ["Carol Petit"], userIds: [carol.id], hasReacted: false },
    ]);
    const asCarol = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(carol) });
    expect(asCarol.replies[0]!.post.reactions[0]!.hasReacted).toBe(true);
    expect(page.hasMore).toBe(false);
    expect(page.lastNumber).toBe(second.number);
  });

  it("shows a deleted post as deleted, without its body or reactions", async () => {
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Supprimé",
        body: documentFromText("Début"),
      }),
    );
    const gone = await reply(thread.id, bob, "Je retire ce que j'ai dit");
    await toggleReaction(testDb.db, { postId: gone.id, userId: carol.id, emoji: "❤️" });
    await deletePost(testDb.db, { postId: gone.id, actorId: bob.id });

    const page = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(bob) });
    expect(page.replies[0]!.post).toMatchObject({
      id: gone.id,
      isDeleted: true,
      bodyHtml: null,
      reactions: [],
      canEdit: false,
      canDelete: false,
    });
  });

  it("hides a hidden post's body from other members, but not from its author or a facilitator", async () => {
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: channel,
        authorId: alice.id,
        title: "Masqué",
        body: documentFromText("Début"),
      }),
    );
    const hidden = await reply(thread.id, bob, "Propos déplacés");
    const visible = await reply(thread.id, carol, "Propos corrects");
    await testDb.db
      .update(posts)
      .set({ hiddenAt: new Date(), hiddenReason: "Hors charte", hiddenById: facilitator.id })
      .where(eq(posts.id, hidden.id));

    const find = (page: Awaited<ReturnType<typeof getThreadPageData>>, id: number) =>
      page.replies.find((entry) => entry.post.id === id)!.post;

    const asMember = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(carol) });
    expect(find(asMember, hidden.id)).toMatchObject({
      isHidden: true,
      bodyHtml: null,
      hiddenReason: null,
      canReact: false,
    });
    expect(find(asMember, visible.id)).toMatchObject({ isHidden: false, bodyHtml: "<p>Propos corrects</p>" });
    expect(JSON.stringify(asMember)).not.toContain("déplacés");

    const asVisitor = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: null });
    expect(find(asVisitor, hidden.id).bodyHtml).toBeNull();

    const asAuthor = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(bob) });
    expect(find(asAuthor, hidden.id)).toMatchObject({
      isHidden: true,
      bodyHtml: "<p>Propos déplacés</p>",
      hiddenReason: "Hors charte",
      canEdit: false,
    });

    const asFacilitator = await getThreadPageData(testDb.db, { threadId: thread.id, viewer: actorOf(facilitator) });
    expect(find(asFacilitator, hidden.id)).toMatchObject({
      isHidden: true,
      bodyHtml: "<p>Propos déplacés</p>",
      hiddenReason: "Hors charte",
    });

    // A suspended facilitator is no moderator.
    const suspended = await getThreadPageData(testDb.db, {
      threadId: thread.id,
      viewer: { id: facilitator.id, role: "facilitator", status: "suspended" },
    });
    expect(find(suspended, hidden.id).bodyHtml).toBeNull();
  });
});

describe("unread markers of a channel list", () => {
  const viewer = { id: "me", createdAt: new Date("2026-11-01T00:00:00Z") };
  const item = (lastPostNumber: number, lastPosterId: string | null, at = "2026-11-20T10:00:00Z") => ({
    lastPostNumber,
    lastPosterId,
    lastActivityAt: new Date(at),
  });
  it("marks a thread never opened as new, and counts the posts since the last visit", () => {
    expect(unreadOf(item(3, "other"), null, viewer)).toEqual({ isNew: true });
    expect(unreadOf(item(7, "other"), 4, viewer)).toEqual({ isNew: false, count: 3 });
    expect(unreadOf(item(4, "other"), 4, viewer)).toBeNull();
  });
  it("never marks the member's own last post, old activity, or anything for visitors", () => {
    expect(unreadOf(item(5, "me"), 2, viewer)).toBeNull();
    expect(unreadOf(item(5, "other", "2026-10-01T00:00:00Z"), null, viewer)).toBeNull();
    expect(unreadOf(item(5, "other"), null, null)).toBeNull();
  });
});
