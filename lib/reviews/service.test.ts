import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf, makeUser } from "@/db/test-factories";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import type { User } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { makePdf, makePdfWithJavaScript } from "@/lib/uploads/test-pdfs";
import { readThreadFile, startReviewRequest } from "./service";
import { submitFeedback } from "./feedback";
import { addVersion, markResolved, removeVersion, withdrawFile } from "./versions";
import { contextFor } from "@/lib/context";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let alice: User;
let bob: User;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  alice = await makeUser(testDb.db, "Alice Martin");
  bob = await makeUser(testDb.db, "Bob Durand");
});
afterAll(() => testDb.close());

const storedFileCount = async () =>
  (await readdir(path.join(testDb.dataDir, "uploads", "reviews")).catch(() => [])).length;
const input = (idempotencyKey = randomUUID()) => ({
  channelSlug: "cv",
  title: "Relecture de mon CV",
  target: "Chargée de projet",
  feedbackWanted: "La structure",
  letterText: undefined,
  idempotencyKey,
});
const pdf = async (pages = 2) => ({ bytes: await makePdf(pages), name: "cv.pdf" });

describe("review files", () => {
  it("stores a checked PDF and serves it only to readers of the thread", async () => {
    const before = await storedFileCount();
    const created = await startReviewRequest(contextFor(actorOf(alice)), input(), await pdf());
    expect(await storedFileCount()).toBe(before + 1);
    const { getReviewForThread } = await import("./service");
    const fileId = (await getReviewForThread(created.thread.id))!.versions[0]!.file!.id;
    const served = await readThreadFile(contextFor(actorOf(bob)), fileId);
    expect(Buffer.from(served.bytes).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await expect(readThreadFile(contextFor(null), fileId)).rejects.toMatchObject({ code: "not_found" });
    await expect(
      readThreadFile(contextFor({ id: bob.id, role: bob.role, status: "suspended" }), fileId),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("stores nothing for a refused file and leaves no orphan after a retried submission", async () => {
    const before = await storedFileCount();
    await expect(
      startReviewRequest(contextFor(actorOf(alice)), input(), { bytes: await makePdfWithJavaScript(), name: "cv.pdf" }),
    ).rejects.toBeInstanceOf(AppError);
    expect(await storedFileCount()).toBe(before);
    const key = randomUUID();
    const first = await startReviewRequest(contextFor(actorOf(alice)), input(key), await pdf());
    const again = await startReviewRequest(contextFor(actorOf(alice)), input(key), await pdf());
    expect(again.isNew).toBe(false);
    expect(again.thread.id).toBe(first.thread.id);
    expect(await storedFileCount()).toBe(before + 1);
  });

  it("lets only the author add versions, resolve, and delete a version with its file", async () => {
    const created = await startReviewRequest(contextFor(actorOf(alice)), input(), await pdf(1));
    await expect(
      addVersion(contextFor(actorOf(bob)), { threadId: created.thread.id }, await pdf()),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      markResolved(contextFor(actorOf(bob)), { threadId: created.thread.id, isResolved: true }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    const before = await storedFileCount();
    expect(await addVersion(contextFor(actorOf(alice)), { threadId: created.thread.id }, await pdf(3))).toMatchObject({
      number: 2,
    });
    expect(await storedFileCount()).toBe(before + 1);
    await expect(
      removeVersion(contextFor(actorOf(bob)), { threadId: created.thread.id, number: 1 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await removeVersion(contextFor(actorOf(alice)), { threadId: created.thread.id, number: 1 });
    expect(await storedFileCount()).toBe(before);
    // The last version left cannot be deleted.
    await expect(
      removeVersion(contextFor(actorOf(alice)), { threadId: created.thread.id, number: 2 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await markResolved(contextFor(actorOf(alice)), { threadId: created.thread.id, isResolved: true })).toEqual({
      isResolved: true,
    });
  });

  it("lets the author withdraw the file of any version, the last one included, keeping its reviews", async () => {
    const created = await startReviewRequest(contextFor(actorOf(alice)), input(), await pdf(1));
    const { getReviewForThread } = await import("./service");
    const fileId = (await getReviewForThread(created.thread.id))!.versions[0]!.file!.id;
    const score = { score: 3, comment: undefined };
    await submitFeedback(contextFor(actorOf(bob)), {
      threadId: created.thread.id,
      scores: { readability: score, fit: score, achievements: score, spelling: score },
      text: "",
      idempotencyKey: randomUUID(),
    });
    const before = await storedFileCount();
    await expect(
      withdrawFile(contextFor(actorOf(bob)), { threadId: created.thread.id, number: 1 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await storedFileCount()).toBe(before);

    expect(await withdrawFile(contextFor(actorOf(alice)), { threadId: created.thread.id, number: 1 })).toEqual({
      withdrawn: true,
    });
    expect(await storedFileCount()).toBe(before - 1);
    await expect(readThreadFile(contextFor(actorOf(alice)), fileId)).rejects.toMatchObject({ code: "not_found" });
    const review = (await getReviewForThread(created.thread.id))!;
    expect(review.versions.map((version) => [version.number, version.file])).toEqual([[1, null]]);
    const { getFeedbackSummary } = await import("./feedback");
    expect((await getFeedbackSummary(created.thread.id, "cv")).feedback).toHaveLength(1);
    // Nothing left to withdraw.
    await expect(
      withdrawFile(contextFor(actorOf(alice)), { threadId: created.thread.id, number: 1 }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
