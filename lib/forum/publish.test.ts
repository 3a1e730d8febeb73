import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getChannelBySlug } from "@/db/queries/channels";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { notifications, posts, rateLimitEvents, threads, type Channel, type User } from "@/db/schema";
import { enforceRateLimit } from "@/lib/rate-limit";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import { startReviewRequest } from "@/lib/reviews/service";
import { getStorage } from "@/lib/storage";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { publishReply, publishThread, type PublishContext } from "./publish";
import { replyToThread } from "./service";
import { contextFor } from "@/lib/context";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let alice: User;
let bob: User;
let entraide: Channel;
let ctx: PublishContext;

/** Every event emitted, with its room: a stand-in for the Socket.io server. */
const emitted: { room: string; event: string; payload: Record<string, unknown> }[] = [];
const fakeIo = {
  to: (room: string) => ({
    emit: (event: string, payload: Record<string, unknown>) => emitted.push({ room, event, payload }),
  }),
  // Nobody has the site open.
  in: () => ({ fetchSockets: async () => [] }),
} as unknown as RealtimeServer;

beforeAll(async () => {
  testDb = await createServiceTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
  entraide = (await getChannelBySlug(testDb.db, { slug: "entraide" }))!;
  ctx = { db: testDb.db, actor: actorOf(alice)! };
  setIo(fakeIo);
});
afterEach(() => {
  emitted.length = 0;
});
afterAll(async () => {
  setIo(undefined);
  await testDb.close();
});

const countEvents = async (userId: string, action: string) => {
  const [row] = await testDb.db
    .select({ count: sql<number>`count(*)::int` })
    .from(rateLimitEvents)
    .where(eq(rateLimitEvents.key, `${action}:${userId}`));
  return row!.count;
};
const threadCount = async (title: string) =>
  (await testDb.db.select({ id: threads.id }).from(threads).where(eq(threads.title, title))).length;

describe("the publishing pipeline", () => {
  it("writes the thread and the kind's rows in one transaction, and undoes everything when the hook fails", async () => {
    const title = `Fil qui échoue ${randomUUID().slice(0, 6)}`;
    const threadsBefore = await countEvents(alice.id, "thread");
    const uploadsBefore = await countEvents(alice.id, "upload");
    const storageKey = `reviews/${randomUUID()}`;

    await expect(
      publishThread(ctx, {
        channel: entraide,
        title,
        body: documentFromText("Texte"),
        hooks: {
          prepare: async () => {
            await enforceRateLimit(testDb.db, { userId: alice.id, action: "upload" });
            await getStorage().put(storageKey, new TextEncoder().encode("bytes"), "application/pdf");
            return { value: storageKey, storageKeys: [storageKey], counted: ["upload"] };
          },
          write: async () => {
            throw new Error("the kind's row could not be written");
          },
        },
      }),
    ).rejects.toThrow("could not be written");

    expect(await threadCount(title)).toBe(0);
    expect(await countEvents(alice.id, "thread")).toBe(threadsBefore);
    expect(await countEvents(alice.id, "upload")).toBe(uploadsBefore);
    expect(await getStorage().get(storageKey)).toBeNull();
    expect(emitted).toEqual([]);
  });

  it("announces every new thread in its channel, review requests included", async () => {
    const created = await startReviewRequest(
      contextFor(actorOf(alice)),
      {
        channelSlug: "cv",
        title: "Mon CV pour une asso",
        target: "Chargée de mission",
        feedbackWanted: "La mise en page",
        letterText: undefined,
        idempotencyKey: randomUUID(),
      },
      { bytes: await makePdf(1), name: "cv.pdf" },
    );
    expect(created.isNew).toBe(true);
    expect(emitted).toContainEqual({
      room: "channel:cv",
      event: "thread:activity",
      payload: expect.objectContaining({ threadId: created.thread.id, isNewThread: true }),
    });
    expect(emitted).toContainEqual(
      expect.objectContaining({ room: `thread:${created.thread.id}`, event: "post:created" }),
    );
  });

  it("counts a retried submission once, emits nothing for it and refunds its limit", async () => {
    const key = randomUUID();
    const input = { channel: entraide, title: `Rejoué ${key.slice(0, 6)}`, body: documentFromText("Une fois") };
    const first = await publishThread(ctx, { ...input, idempotencyKey: key });
    const countAfterFirst = await countEvents(alice.id, "thread");
    emitted.length = 0;

    const again = await publishThread(ctx, { ...input, idempotencyKey: key });
    expect(again).toMatchObject({ isNew: false, path: first.path });
    expect(again.thread.id).toBe(first.thread.id);
    expect(await countEvents(alice.id, "thread")).toBe(countAfterFirst);
    expect(emitted).toEqual([]);
  });

  it("runs the kind's hooks for every reply, whichever service published it", async () => {
    const offers = (await getChannelBySlug(testDb.db, { slug: "offres" }))!;
    const offer = await publishThread(
      { db: testDb.db, actor: actorOf(bob)! },
      { channel: offers, title: "Offre de test", body: documentFromText("Une offre"), threadKind: "offer" },
    );
    await replyToThread(contextFor(actorOf(alice)), {
      threadId: offer.thread.id,
      body: documentFromText("Encore ouverte ?"),
    });
    const rows = await testDb.db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.userId, bob.id), eq(notifications.threadId, offer.thread.id)));
    expect(rows).toEqual([{ kind: "offer_question" }]);
  });

  it("keeps a published reply when an after-commit side effect fails", async () => {
    const thread = await publishThread(ctx, {
      channel: entraide,
      title: "Fil pour un effet qui échoue",
      body: documentFromText("Ouverture"),
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const published = await publishReply(
      { db: testDb.db, actor: actorOf(bob)! },
      {
        thread: thread.thread,
        channel: entraide,
        body: documentFromText("Ma réponse"),
        hooks: {
          afterCommit: () => {
            throw new Error("mail server down");
          },
        },
      },
    );
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("afterCommit"), expect.any(Error));
    errors.mockRestore();
    expect(published.isNew).toBe(true);
    const [row] = await testDb.db.select().from(posts).where(eq(posts.id, published.post.id));
    expect(row?.bodyText).toBe("Ma réponse");
  });

  it("stores no file when the document is refused, and leaves the thread slot free", async () => {
    const before = (await readdir(path.join(testDb.dataDir, "uploads", "reviews")).catch(() => [])).length;
    const threadsBefore = await countEvents(alice.id, "thread");
    await expect(
      startReviewRequest(
        contextFor(actorOf(alice)),
        {
          channelSlug: "cv",
          title: "Pas un PDF",
          target: "x",
          feedbackWanted: "y",
          letterText: undefined,
          idempotencyKey: randomUUID(),
        },
        { bytes: new TextEncoder().encode("<html>nope</html>"), name: "cv.pdf" },
      ),
    ).rejects.toMatchObject({ messageKey: "review.refusedNotPdf" });
    expect((await readdir(path.join(testDb.dataDir, "uploads", "reviews")).catch(() => [])).length).toBe(before);
    expect(await countEvents(alice.id, "thread")).toBe(threadsBefore);
  });
});
