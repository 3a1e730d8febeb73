import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyOfferReply } from "@/lib/offers/notify";
import { generateApiToken, hashApiToken } from "@/lib/offers/token-hash";
import { makeOffer } from "../offer-factories";
import { apiTokens, users, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import { countActiveApiTokens, createApiToken, findApiTokenOwner, listApiTokens, revokeApiToken } from "./api-tokens";
import { listNotifications } from "./notifications";
import { createReply } from "./posts";
import { createThread } from "./threads";
import { replyRow, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let pro: User;
let member: User;

beforeAll(async () => {
  testDb = await createTestDb();
  pro = await makeUser(testDb.db, "Julien Roux", "pro");
  member = await makeUser(testDb.db, "Camille Durand");
});
afterAll(() => testDb.close());

describe("API tokens", () => {
  it("are random, prefixed, and stored only as a SHA-256", async () => {
    const a = generateApiToken();
    const b = generateApiToken();
    expect(a.token).toMatch(/^ppo_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashApiToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.token.startsWith(a.prefix)).toBe(true);

    await createApiToken(testDb.db, { userId: pro.id, name: "Site", tokenHash: a.hash, prefix: a.prefix });
    const stored = await testDb.db.select().from(apiTokens).where(eq(apiTokens.userId, pro.id));
    expect(JSON.stringify(stored)).not.toContain(a.token);
  });

  it("find their owner with the current role, until revoked", async () => {
    const { token, hash, prefix } = generateApiToken();
    const created = await createApiToken(testDb.db, { userId: pro.id, name: "Agrégateur", tokenHash: hash, prefix });
    const owner = await findApiTokenOwner(testDb.db, { tokenHash: hashApiToken(token) });
    expect(owner?.user).toMatchObject({ id: pro.id, role: "pro", status: "active" });
    expect(
      (await listApiTokens(testDb.db, { userId: pro.id })).find((item) => item.id === created.id)?.lastUsedAt,
    ).toBeInstanceOf(Date);

    // A pro who loses the role: the same token now speaks for a member.
    await testDb.db.update(users).set({ role: "member" }).where(eq(users.id, pro.id));
    expect((await findApiTokenOwner(testDb.db, { tokenHash: hash }))?.user.role).toBe("member");
    await testDb.db.update(users).set({ role: "pro" }).where(eq(users.id, pro.id));

    expect(await findApiTokenOwner(testDb.db, { tokenHash: hashApiToken(`${token}x`) })).toBeNull();
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: member.id })).toBe(false);
    expect(await findApiTokenOwner(testDb.db, { tokenHash: hash })).not.toBeNull();
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: pro.id })).toBe(true);
    expect(await revokeApiToken(testDb.db, { id: created.id, userId: pro.id })).toBe(false);
    expect(await findApiTokenOwner(testDb.db, { tokenHash: hash })).toBeNull();
    expect(await countActiveApiTokens(testDb.db, { userId: pro.id })).toBe(1);
  });
});

describe("offer reply notifications", () => {
  it("notify the offer's author when someone else replies, not for their own replies or other threads", async () => {
    const offer = await makeOffer(testDb.db, pro.id, { title: "Animatrice réseau" });
    const reply = await createReply(
      testDb.db,
      replyRow({
        threadId: offer.id,
        authorId: member.id,
        body: documentFromText("Le poste est-il ouvert aux débutants ?"),
      }),
    );
    if (!reply.ok) throw new Error("reply failed");
    const made = await notifyOfferReply(testDb.db, {
      thread: offer,
      replyAuthorId: member.id,
      postId: reply.post.id,
      postNumber: reply.post.number,
    });
    expect(made).toBe(true);
    const [notification] = await listNotifications(testDb.db, { userId: pro.id, unreadOnly: true });
    expect(notification).toMatchObject({
      kind: "offer_question",
      actorId: member.id,
      threadId: offer.id,
      postId: reply.post.id,
      readAt: null,
      payload: { title: "Animatrice réseau", slug: offer.slug, number: 2 },
    });

    expect(
      await notifyOfferReply(testDb.db, { thread: offer, replyAuthorId: pro.id, postId: reply.post.id, postNumber: 3 }),
    ).toBe(false);
    const { thread: discussion } = await createThread(
      testDb.db,
      threadRow({
        channelId: await channelId(testDb.db, "entraide"),
        authorId: pro.id,
        title: "Une discussion",
        body: documentFromText("x"),
      }),
    );
    expect(
      await notifyOfferReply(testDb.db, {
        thread: discussion,
        replyAuthorId: member.id,
        postId: reply.post.id,
        postNumber: 2,
      }),
    ).toBe(false);
    expect(await listNotifications(testDb.db, { userId: pro.id })).toHaveLength(1);
    expect(await listNotifications(testDb.db, { userId: member.id })).toHaveLength(0);
  });
});
