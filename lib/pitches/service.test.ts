import { randomUUID } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf, makeUser } from "@/db/test-factories";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import type { User } from "@/db/schema";
import { getReviewForThread, readThreadFile } from "@/lib/reviews/service";
import { makeWebm } from "@/lib/uploads/test-audio";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { submitFeedback } from "@/lib/reviews/feedback";
import { startPitch } from "./service";
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

const storedCount = async () => (await readdir(path.join(testDb.dataDir, "uploads", "pitches")).catch(() => [])).length;
const input = (idempotencyKey = randomUUID(), text?: string) => ({
  channelSlug: "pitch",
  title: "Mon pitch",
  target: "Chargée de projet",
  text,
  idempotencyKey,
});
const webm = () => ({ bytes: makeWebm(), name: "x.pdf" });

describe("pitches", () => {
  it("stores a recording as audio and serves it only to members who may read the thread", async () => {
    const before = await storedCount();
    const created = await startPitch(contextFor(actorOf(alice)), input(), webm());
    expect(created.thread.kind).toBe("pitch");
    expect(await storedCount()).toBe(before + 1);
    const file = (await getReviewForThread(created.thread.id))!.versions[0]!.file!;
    expect(file).toMatchObject({ contentType: "audio/webm", originalName: "pitch.webm" });
    expect((await readThreadFile(contextFor(actorOf(bob)), file.id)).file.contentType).toBe("audio/webm");
    await expect(readThreadFile(contextFor(null), file.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses other content without storing anything, and leaves no orphan after a retry", async () => {
    const before = await storedCount();
    await expect(
      startPitch(contextFor(actorOf(alice)), input(), { bytes: await makePdf(1), name: "pitch.webm" }),
    ).rejects.toMatchObject({ messageKey: "review.pitch.refusedNotAudio" });
    await expect(startPitch(contextFor(actorOf(alice)), input(), null)).rejects.toMatchObject({
      messageKey: "review.pitch.audioOrTextRequired",
    });
    await expect(
      startPitch(contextFor(actorOf(alice)), { ...input(), channelSlug: "cv" }, webm()),
    ).rejects.toMatchObject({
      messageKey: "review.pitch.notPitchChannel",
    });
    expect(await storedCount()).toBe(before);
    const key = randomUUID();
    const first = await startPitch(contextFor(actorOf(alice)), input(key), webm());
    const again = await startPitch(contextFor(actorOf(alice)), input(key), webm());
    expect(again).toMatchObject({ isNew: false, thread: { id: first.thread.id } });
    expect(await storedCount()).toBe(before + 1);
  });

  it("takes a text-only pitch and its feedback on the pitch rubric", async () => {
    const created = await startPitch(
      contextFor(actorOf(alice)),
      input(randomUUID(), "Je veux rejoindre une SCIC."),
      null,
    );
    const score = (value: number) => ({ score: value, comment: undefined });
    const partial = { hook: score(3), clarity: score(4), conviction: score(2) };
    const scores = { ...partial, ess: score(4) };
    await expect(
      submitFeedback(contextFor(actorOf(bob)), {
        threadId: created.thread.id,
        scores: partial,
        text: "",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ messageKey: "review.scoreAll" });
    expect(
      await submitFeedback(contextFor(actorOf(bob)), {
        threadId: created.thread.id,
        scores,
        text: "",
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ isNew: true });
    await expect(
      submitFeedback(contextFor(actorOf(alice)), {
        threadId: created.thread.id,
        scores,
        text: "",
        idempotencyKey: randomUUID(),
      }),
    ).rejects.toMatchObject({ messageKey: "review.notOwnRequest" });
  });
});
