import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import { storedFiles, type User } from "@/db/schema";
import { editPost, readThreadPage, removePost, replyToThread } from "@/lib/forum/service";
import { setPostVisibility, setThreadLocked } from "@/lib/moderation/service";
import { getReviewForThread, readThreadFile } from "@/lib/reviews/service";
import { addVersion, withdrawFile } from "@/lib/reviews/versions";
import { makeWebm } from "@/lib/uploads/test-audio";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { replyWithRecording, startPitch } from "./service";
import { contextFor } from "@/lib/context";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let author: User;
let peer: User;
let reader: User;
let facilitator: User;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  author = await makeUser(testDb.db, "Inès Fontaine");
  peer = await makeUser(testDb.db, "Hugo Lambert");
  reader = await makeUser(testDb.db, "Nora Petit");
  facilitator = await makeUser(testDb.db, "Paul Animateur", "facilitator");
});
afterAll(() => testDb.close());

const storedCount = async () => (await readdir(path.join(testDb.dataDir, "uploads", "pitches")).catch(() => [])).length;
const webm = () => ({ bytes: makeWebm(), name: "reply.webm" });

async function writtenPitch() {
  const created = await startPitch(
    contextFor(actorOf(author)),
    {
      channelSlug: "pitch",
      title: "Mon pitch",
      target: "Chargée de mission",
      text: "Bonjour, je suis Inès.",
      idempotencyKey: randomUUID(),
    },
    null,
  );
  return created.thread.id;
}

/** The post with this number as a member sees it on the thread page. */
async function seenBy(user: User | null, threadId: number, number: number) {
  const { page } = await readThreadPage(contextFor(user ? actorOf(user) : null), { threadId });
  return page.replies.flatMap((entry) => [entry.post, ...entry.children]).find((post) => post.number === number)!;
}

describe("recorded answers to a pitch", () => {
  it("publishes a peer's recording as a reply that members play and visitors never get", async () => {
    const threadId = await writtenPitch();
    const before = await storedCount();
    const reply = await replyWithRecording(
      contextFor(actorOf(peer)),
      { threadId, text: "Voici comment je le dirais.", idempotencyKey: randomUUID() },
      webm(),
    );
    expect(reply).toMatchObject({ postNumber: 2, isNew: true });
    expect(await storedCount()).toBe(before + 1);

    const post = await seenBy(reader, threadId, 2);
    expect(post.bodyHtml).toContain("Voici comment je le dirais.");
    expect(post.attachments).toHaveLength(1);
    expect(post.attachments[0]!.contentType).toBe("audio/webm");
    const served = await readThreadFile(contextFor(actorOf(reader)), post.attachments[0]!.fileId);
    expect([...served.bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    await expect(readThreadFile(contextFor(null), post.attachments[0]!.fileId)).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("counts a retried submission once and keeps no second file", async () => {
    const threadId = await writtenPitch();
    const before = await storedCount();
    const key = randomUUID();
    const first = await replyWithRecording(contextFor(actorOf(peer)), { threadId, idempotencyKey: key }, webm());
    const again = await replyWithRecording(contextFor(actorOf(peer)), { threadId, idempotencyKey: key }, webm());
    expect(again).toMatchObject({ postNumber: first.postNumber, isNew: false });
    expect(await storedCount()).toBe(before + 1);
    // Without words, the reply still says what it is.
    expect((await seenBy(reader, threadId, first.postNumber)).bodyHtml).toContain("recordedReplyBody");
  });

  it("refuses what is not a recording, a missing recording, other threads and locked ones, storing nothing", async () => {
    const threadId = await writtenPitch();
    const before = await storedCount();
    const input = () => ({ threadId, idempotencyKey: randomUUID() });
    await expect(
      replyWithRecording(contextFor(actorOf(peer)), input(), { bytes: await makePdf(1), name: "reply.webm" }),
    ).rejects.toMatchObject({ messageKey: "review.pitch.refusedNotAudio" });
    await expect(replyWithRecording(contextFor(actorOf(peer)), input(), null)).rejects.toMatchObject({
      messageKey: "review.pitch.audioRequired",
    });
    await expect(replyWithRecording(contextFor(null), input(), webm())).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const plain = await replyToThread(contextFor(actorOf(peer)), { threadId, body: documentFromText("Bravo !") });
    const otherThread = await startPitch(
      contextFor(actorOf(author)),
      { channelSlug: "pitch", title: "Autre", target: "Chargée", text: "x".repeat(10), idempotencyKey: randomUUID() },
      null,
    );
    expect(plain.isNew).toBe(true);
    await setThreadLocked(contextFor(actorOf(facilitator)), { threadId: otherThread.thread.id, value: true });
    await expect(
      replyWithRecording(contextFor(actorOf(peer)), { ...input(), threadId: otherThread.thread.id }, webm()),
    ).rejects.toMatchObject({ messageKey: "forum.threadLocked" });
    expect(await storedCount()).toBe(before);
  });

  it("takes the recording away with its post: hidden for others, deleted for everyone", async () => {
    const threadId = await writtenPitch();
    const { postNumber } = await replyWithRecording(
      contextFor(actorOf(peer)),
      { threadId, idempotencyKey: randomUUID() },
      webm(),
    );
    const asPeer = await seenBy(peer, threadId, postNumber);
    const fileId = asPeer.attachments[0]!.fileId;

    await setPostVisibility(contextFor(actorOf(facilitator)), {
      postId: asPeer.id,
      hidden: true,
      reason: "Hors sujet",
    });
    expect((await seenBy(reader, threadId, postNumber)).attachments).toEqual([]);
    await expect(readThreadFile(contextFor(actorOf(reader)), fileId)).rejects.toMatchObject({ code: "not_found" });
    expect((await readThreadFile(contextFor(actorOf(peer)), fileId)).file.contentType).toBe("audio/webm");
    expect((await readThreadFile(contextFor(actorOf(facilitator)), fileId)).file.id).toBe(fileId);
    await setPostVisibility(contextFor(actorOf(facilitator)), { postId: asPeer.id, hidden: false });

    // An edit keeps the recording on the post every open page receives.
    const edited = await editPost(contextFor(actorOf(peer)), {
      postId: asPeer.id,
      body: documentFromText("Ma version, plus courte."),
      expectedVersion: asPeer.version,
    });
    expect(edited.conflict ? [] : edited.post.attachments.map((attachment) => attachment.fileId)).toEqual([fileId]);

    const before = await storedCount();
    await removePost(contextFor(actorOf(peer)), { postId: asPeer.id });
    expect(await storedCount()).toBe(before - 1);
    expect(await testDb.db.select().from(storedFiles).where(eq(storedFiles.id, fileId))).toEqual([]);
    await expect(readThreadFile(contextFor(actorOf(peer)), fileId)).rejects.toMatchObject({ code: "not_found" });
    expect((await seenBy(reader, threadId, postNumber)).attachments).toEqual([]);
  });

  it("lets the pitch's author delete their own recording for good, the text staying", async () => {
    const created = await startPitch(
      contextFor(actorOf(author)),
      {
        channelSlug: "pitch",
        title: "Pitch enregistré",
        target: "Chargée",
        text: "Mon texte.",
        idempotencyKey: randomUUID(),
      },
      webm(),
    );
    const before = await storedCount();
    await expect(
      withdrawFile(contextFor(actorOf(peer)), { threadId: created.thread.id, number: 1 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await withdrawFile(contextFor(actorOf(author)), { threadId: created.thread.id, number: 1 });
    expect(await storedCount()).toBe(before - 1);
    const version = (await getReviewForThread(created.thread.id))!.versions[0]!;
    expect(version).toMatchObject({ file: null, letterText: "Mon texte." });
    // A pitch takes no PDF versions.
    await expect(
      addVersion(
        contextFor(actorOf(author)),
        { threadId: created.thread.id },
        { bytes: await makePdf(1), name: "cv.pdf" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
