import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reviewRequests, storedFiles, threads, type User } from "../schema";
import { channelId, documentFromText, makeUser } from "../test-factories";
import { createTestDb, type TestDb } from "../testing";
import {
  addReviewVersion,
  createPageComment,
  createReviewFeedback,
  createReviewRequest,
  deleteStoredFile,
  getFileWithThread,
  listPageComments,
  listReviewFeedback,
  listReviewRequests,
  listReviewStatuses,
  setReviewResolved,
} from "./reviews";
import { replyRow, threadRow } from "@/lib/forum/content";

let testDb: TestDb;
let alice: User;
let bob: User;

beforeAll(async () => {
  testDb = await createTestDb();
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
});
afterAll(() => testDb.close());

const fileOf = () => ({
  storageKey: `reviews/${randomUUID()}`,
  contentType: "application/pdf",
  byteSize: 1234,
  pageCount: 2,
  originalName: "cv.pdf",
});

async function request(
  params: { file?: ReturnType<typeof fileOf> | null; letterText?: string; idempotencyKey?: string } = {},
) {
  return createReviewRequest(
    testDb.db,
    threadRow({
      channelId: await channelId(testDb.db, "cv"),
      authorId: alice.id,
      title: "Relecture de mon CV",
      body: documentFromText("Un avis sur la structure ?"),
      docKind: "cv",
      target: "Chargée de projet ESS",
      feedbackWanted: "Un avis sur la structure ?",
      file: params.file === undefined ? fileOf() : params.file,
      letterText: params.letterText ?? null,
      idempotencyKey: params.idempotencyKey,
    }),
  );
}

describe("review requests", () => {
  it("writes the thread, the request, the file and version 1 together", async () => {
    const created = await request();
    expect(created.isNew).toBe(true);
    expect(created.thread.kind).toBe("review");
    const views = await listReviewRequests(testDb.db, { threadIds: [created.thread.id] });
    const view = views.get(created.thread.id)!;
    expect(view.target).toBe("Chargée de projet ESS");
    expect(view.versions).toHaveLength(1);
    expect(view.versions[0]!.number).toBe(1);
    expect(view.versions[0]!.file).toMatchObject({ id: created.fileId, pageCount: 2, originalName: "cv.pdf" });
    const found = await getFileWithThread(testDb.db, { fileId: created.fileId! });
    expect(found?.thread.id).toBe(created.thread.id);
    expect(found?.channel.slug).toBe("cv");
  });

  it("keeps a pasted letter without a file", async () => {
    const created = await request({ file: null, letterText: "Madame, Monsieur…" });
    const view = (await listReviewRequests(testDb.db, { threadIds: [created.thread.id] })).get(created.thread.id)!;
    expect(view.versions[0]).toMatchObject({ letterText: "Madame, Monsieur…", file: null });
  });

  it("writes nothing when one of the writes fails", async () => {
    const count = async () => ({
      threads: (await testDb.db.select({ id: threads.id }).from(threads)).length,
      requests: (await testDb.db.select({ id: reviewRequests.threadId }).from(reviewRequests)).length,
    });
    const sameKey = fileOf();
    await request({ file: sameKey });
    const before = await count();
    // Same storage key: the file insert fails after the thread insert, which must roll back.
    await expect(request({ file: sameKey })).rejects.toThrow();
    expect(await count()).toEqual(before);
  });

  it("returns the first thread for a retried submission", async () => {
    const key = randomUUID();
    const first = await request({ idempotencyKey: key });
    const again = await request({ idempotencyKey: key });
    expect(again.isNew).toBe(false);
    expect(again.thread.id).toBe(first.thread.id);
  });

  it("lets only the owner delete a file", async () => {
    const created = await request();
    expect(await deleteStoredFile(testDb.db, { fileId: created.fileId!, ownerId: bob.id })).toBeNull();
    const key = await deleteStoredFile(testDb.db, { fileId: created.fileId!, ownerId: alice.id });
    expect(key).toMatch(/^reviews\//);
    expect(await testDb.db.select().from(storedFiles).where(eq(storedFiles.id, created.fileId!))).toEqual([]);
    expect(await getFileWithThread(testDb.db, { fileId: created.fileId! })).toBeNull();
  });

  it("stores a structured review with its reply post, once per submission", async () => {
    const created = await request();
    const version = (await listReviewRequests(testDb.db, { threadIds: [created.thread.id] })).get(created.thread.id)!
      .versions[0]!;
    const scores = {
      readability: { score: 3 },
      fit: { score: 2, comment: "Parlez de l'ESS" },
      achievements: { score: 4 },
      spelling: { score: 4 },
    };
    const key = randomUUID();
    const params = {
      threadId: created.thread.id,
      versionId: version.id,
      authorId: bob.id,
      body: documentFromText("Lisibilité : 3/4"),
      scores,
      idempotencyKey: key,
    };
    const first = await createReviewFeedback(testDb.db, replyRow(params));
    const again = await createReviewFeedback(testDb.db, replyRow(params));
    expect(first.ok && first.isNew).toBe(true);
    expect(again.ok && !again.isNew).toBe(true);
    const feedback = await listReviewFeedback(testDb.db, { threadId: created.thread.id });
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ postNumber: 2, versionId: version.id, authorName: "Bob Durand", scores });
  });

  it("stores page comments with their rectangle, listed by page with their post number", async () => {
    const created = await request();
    const version = (await listReviewRequests(testDb.db, { threadIds: [created.thread.id] })).get(created.thread.id)!
      .versions[0]!;
    const base = { threadId: created.thread.id, versionId: version.id, authorId: bob.id };
    await createPageComment(
      testDb.db,
      replyRow({
        ...base,
        page: 2,
        rect: null,
        body: documentFromText("Page 2\n\nMarge trop large"),
        idempotencyKey: randomUUID(),
      }),
    );
    await createPageComment(
      testDb.db,
      replyRow({
        ...base,
        page: 1,
        rect: { x: 0.1, y: 0.2, w: 0.3, h: 0.05 },
        body: documentFromText("Page 1\n\nTitre"),
        idempotencyKey: randomUUID(),
      }),
    );
    const comments = await listPageComments(testDb.db, { threadId: created.thread.id });
    expect(comments.map((comment) => [comment.page, comment.postNumber, comment.rect])).toEqual([
      [1, 3, { x: 0.1, y: 0.2, w: 0.3, h: 0.05 }],
      [2, 2, null],
    ]);
    expect(comments[0]!.authorName).toBe("Bob Durand");
    // Once the file is withdrawn, its markers go too.
    await deleteStoredFile(testDb.db, { fileId: created.fileId!, ownerId: alice.id });
    expect(await listPageComments(testDb.db, { threadId: created.thread.id })).toEqual([]);
  });
});

describe("channel list statuses", () => {
  it("says per thread whether it is resolved, how many versions and reviews it has, and whether a file remains", async () => {
    const untouched = await request();
    const reviewed = await request({ file: null, letterText: "Madame, Monsieur," });
    const [version] = (await listReviewRequests(testDb.db, { threadIds: [reviewed.thread.id] })).get(
      reviewed.thread.id,
    )!.versions;
    const score = { score: 3 };
    for (const key of [randomUUID(), randomUUID()]) {
      await createReviewFeedback(
        testDb.db,
        replyRow({
          threadId: reviewed.thread.id,
          versionId: version!.id,
          authorId: bob.id,
          body: documentFromText("Bien"),
          scores: { readability: score },
          idempotencyKey: key,
        }),
      );
    }
    await addReviewVersion(testDb.db, {
      threadId: reviewed.thread.id,
      actorId: alice.id,
      file: fileOf(),
      letterText: null,
    });
    await setReviewResolved(testDb.db, { threadId: reviewed.thread.id, actorId: alice.id, isResolved: true });

    const statuses = await listReviewStatuses(testDb.db, { threadIds: [untouched.thread.id, reviewed.thread.id] });
    expect(statuses.get(untouched.thread.id)).toEqual({
      isResolved: false,
      versionCount: 1,
      feedbackCount: 0,
      hasFile: true,
    });
    expect(statuses.get(reviewed.thread.id)).toEqual({
      isResolved: true,
      versionCount: 2,
      feedbackCount: 2,
      hasFile: true,
    });
    // A withdrawn file leaves the version (and its count) but no file.
    await deleteStoredFile(testDb.db, { fileId: untouched.fileId!, ownerId: alice.id });
    expect(
      (await listReviewStatuses(testDb.db, { threadIds: [untouched.thread.id] })).get(untouched.thread.id),
    ).toMatchObject({ versionCount: 1, hasFile: false });
    expect((await listReviewStatuses(testDb.db, { threadIds: [] })).size).toBe(0);
  });
});
