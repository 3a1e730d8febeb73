import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reactions, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { deleteDraft, getDraft, saveDraft } from "./drafts";
import { createReply } from "./posts";
import { listReactionSummaries, toggleReaction } from "./reactions";
import { createThread } from "./threads";
import { replyRow, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let alice: User;
let bob: User;
let carol: User;
let threadId: number;
let openingId: number;

beforeAll(async () => {
  testDb = await createTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  carol = await makeUser(testDb.db, "Carol Petit");
  const created = await createThread(
    testDb.db,
    threadRow({
      channelId: await channelId(testDb.db, "entraide"),
      authorId: alice.id,
      title: "Réactions",
      body: documentFromText("Réagissez"),
    }),
  );
  threadId = created.thread.id;
  openingId = created.postId;
});
afterAll(() => testDb.close());

async function newPost(text: string) {
  const result = await createReply(testDb.db, replyRow({ threadId, authorId: alice.id, body: documentFromText(text) }));
  if (!result.ok) throw new Error(result.reason);
  return result.post.id;
}

describe("toggleReaction", () => {
  it("adds a reaction, then removes it on the second toggle", async () => {
    const postId = await newPost("À aimer");
    const added = await toggleReaction(testDb.db, { postId, userId: bob.id, emoji: "👍" });
    expect(added).toEqual([{ emoji: "👍", count: 1, names: ["Bob Durand"], userIds: [bob.id], hasReacted: true }]);
    expect(await testDb.db.select().from(reactions).where(eq(reactions.postId, postId))).toHaveLength(1);

    const removed = await toggleReaction(testDb.db, { postId, userId: bob.id, emoji: "👍" });
    expect(removed).toEqual([]);
    expect(await testDb.db.select().from(reactions).where(eq(reactions.postId, postId))).toHaveLength(0);
  });

  it("keeps other members' reactions and other emojis when one is removed", async () => {
    const postId = await newPost("Plusieurs");
    await toggleReaction(testDb.db, { postId, userId: bob.id, emoji: "❤️" });
    await toggleReaction(testDb.db, { postId, userId: carol.id, emoji: "❤️" });
    await toggleReaction(testDb.db, { postId, userId: bob.id, emoji: "🎉" });

    const afterRemoval = await toggleReaction(testDb.db, { postId, userId: bob.id, emoji: "❤️" });
    expect(afterRemoval).toHaveLength(2);
    expect(afterRemoval.find((summary) => summary.emoji === "❤️")).toEqual({
      emoji: "❤️",
      count: 1,
      names: ["Carol Petit"],
      userIds: [carol.id],
      hasReacted: false,
    });
    expect(afterRemoval.find((summary) => summary.emoji === "🎉")).toEqual({
      emoji: "🎉",
      count: 1,
      names: ["Bob Durand"],
      userIds: [bob.id],
      hasReacted: true,
    });
  });
});

describe("listReactionSummaries", () => {
  it("gives counts, names in reaction order and the viewer's own reactions for several posts at once", async () => {
    const first = await newPost("Premier");
    const second = await newPost("Deuxième");
    const untouched = await newPost("Sans réaction");
    await toggleReaction(testDb.db, { postId: first, userId: bob.id, emoji: "👍" });
    await toggleReaction(testDb.db, { postId: first, userId: carol.id, emoji: "👍" });
    await toggleReaction(testDb.db, { postId: first, userId: alice.id, emoji: "👍" });
    await toggleReaction(testDb.db, { postId: first, userId: carol.id, emoji: "💡" });
    await toggleReaction(testDb.db, { postId: second, userId: alice.id, emoji: "🙏" });

    // Reaction times a second apart, so the names' order is well defined on every database.
    for (const [index, userId] of [bob.id, carol.id, alice.id].entries()) {
      await testDb.db
        .update(reactions)
        .set({ createdAt: new Date(Date.UTC(2024, 0, 1, 12, 0, index)) })
        .where(and(eq(reactions.postId, first), eq(reactions.userId, userId), eq(reactions.emoji, "👍")));
    }

    const forCarol = await listReactionSummaries(testDb.db, {
      postIds: [first, second, untouched],
      viewerId: carol.id,
    });
    const firstForCarol = [...forCarol.get(first)!].sort((a, b) => a.emoji.localeCompare(b.emoji));
    expect(firstForCarol).toEqual(
      [
        {
          emoji: "👍",
          count: 3,
          names: ["Bob Durand", "Carol Petit", "Alice Martin"],
          userIds: [bob.id, carol.id, alice.id],
          hasReacted: true,
        },
        { emoji: "💡", count: 1, names: ["Carol Petit"], userIds: [carol.id], hasReacted: true },
      ].sort((a, b) => a.emoji.localeCompare(b.emoji)),
    );
    expect(forCarol.get(second)).toEqual([
      { emoji: "🙏", count: 1, names: ["Alice Martin"], userIds: [alice.id], hasReacted: false },
    ]);
    expect(forCarol.has(untouched)).toBe(false);

    const forBob = await listReactionSummaries(testDb.db, { postIds: [first, second], viewerId: bob.id });
    expect(forBob.get(first)!.find((summary) => summary.emoji === "👍")!.hasReacted).toBe(true);
    expect(forBob.get(first)!.find((summary) => summary.emoji === "💡")!.hasReacted).toBe(false);

    const forVisitor = await listReactionSummaries(testDb.db, { postIds: [first, second], viewerId: null });
    expect(forVisitor.get(first)!.every((summary) => summary.hasReacted === false)).toBe(true);
    expect(forVisitor.get(first)!.find((summary) => summary.emoji === "👍")!.count).toBe(3);

    expect((await listReactionSummaries(testDb.db, { postIds: [], viewerId: bob.id })).size).toBe(0);
  });

  it("names at most twelve reactors but counts them all", async () => {
    const postId = await newPost("Populaire");
    const fans = [];
    for (let i = 0; i < 14; i++) fans.push(await makeUser(testDb.db, `Fan ${String(i).padStart(2, "0")}`));
    for (const [index, fan] of fans.entries()) {
      await toggleReaction(testDb.db, { postId, userId: fan.id, emoji: "🎉" });
      await testDb.db
        .update(reactions)
        .set({ createdAt: new Date(Date.UTC(2024, 0, 1, 12, 0, index)) })
        .where(and(eq(reactions.postId, postId), eq(reactions.userId, fan.id)));
    }
    const [summary] = (await listReactionSummaries(testDb.db, { postIds: [postId], viewerId: fans[13]!.id })).get(
      postId,
    )!;
    expect(summary!.count).toBe(14);
    expect(summary!.names).toEqual(fans.slice(0, 12).map((fan) => fan.name));
    expect(summary!.hasReacted).toBe(true);
  });
});

describe("drafts", () => {
  it("saves a draft, replaces it on the next save, and deletes it", async () => {
    const target = `reply:${threadId}`;
    expect(await getDraft(testDb.db, { userId: bob.id, target })).toBeNull();

    await saveDraft(testDb.db, { userId: bob.id, target, payload: { body: "premier jet", replyToId: openingId } });
    const first = await getDraft(testDb.db, { userId: bob.id, target });
    expect(first?.payload).toEqual({ body: "premier jet", replyToId: openingId });
    expect(first?.updatedAt).toBeInstanceOf(Date);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveDraft(testDb.db, { userId: bob.id, target, payload: { body: "version finale" } });
    const second = await getDraft(testDb.db, { userId: bob.id, target });
    expect(second?.payload).toEqual({ body: "version finale" });
    expect(second!.updatedAt.getTime()).toBeGreaterThan(first!.updatedAt.getTime());

    await deleteDraft(testDb.db, { userId: bob.id, target });
    expect(await getDraft(testDb.db, { userId: bob.id, target })).toBeNull();
  });

  it("keeps drafts per member and per target", async () => {
    const channel = await channelId(testDb.db, "cv");
    const threadTarget = `thread:${channel}`;
    const replyTarget = `reply:${threadId}`;
    await saveDraft(testDb.db, { userId: bob.id, target: threadTarget, payload: { title: "CV de Bob", body: "b" } });
    await saveDraft(testDb.db, {
      userId: carol.id,
      target: threadTarget,
      payload: { title: "CV de Carol", body: "c" },
    });
    await saveDraft(testDb.db, { userId: bob.id, target: replyTarget, payload: { body: "réponse de Bob" } });

    expect((await getDraft(testDb.db, { userId: bob.id, target: threadTarget }))?.payload.title).toBe("CV de Bob");
    expect((await getDraft(testDb.db, { userId: carol.id, target: threadTarget }))?.payload.title).toBe("CV de Carol");
    expect(await getDraft(testDb.db, { userId: carol.id, target: replyTarget })).toBeNull();
    expect(await getDraft(testDb.db, { userId: alice.id, target: threadTarget })).toBeNull();

    await deleteDraft(testDb.db, { userId: bob.id, target: threadTarget });
    expect(await getDraft(testDb.db, { userId: bob.id, target: threadTarget })).toBeNull();
    expect((await getDraft(testDb.db, { userId: carol.id, target: threadTarget }))?.payload.title).toBe("CV de Carol");
    expect((await getDraft(testDb.db, { userId: bob.id, target: replyTarget }))?.payload.body).toBe("réponse de Bob");
  });
});
