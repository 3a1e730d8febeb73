import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { actorOf, makeUser } from "@/db/test-factories";
import { createServiceTestDb } from "@/db/service-testing";
import type { TestDb } from "@/db/testing";
import { readThreadPage, removePost } from "@/lib/forum/service";
import { replyWithRecording, startPitch } from "@/lib/pitches/service";
import { getReviewForThread, readThreadFile, startReviewRequest } from "@/lib/reviews/service";
import { makeWebm } from "@/lib/uploads/test-audio";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { createS3Storage } from "./s3";
import { getStorage } from "./index";
import type { FileStorage } from "./types";
import { contextFor } from "@/lib/context";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

// A local S3-compatible server (s3rver) speaking the S3 HTTP API: the real client, signing and
// path-style addressing are exercised, as against MinIO or a provider's bucket.
let server: S3rver;
let directory: string;
let storage: FileStorage;
let endpoint: string;
let testDb: TestDb;
const bucket = "propulse-test";

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "propulse-s3-"));
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${port}`;
  storage = createS3Storage({
    bucket,
    endpoint,
    region: "fr-par",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
    forcePathStyle: true,
  });
});
afterAll(async () => {
  await testDb?.close();
  await server.close();
  await rm(directory, { recursive: true, force: true });
});

describe("S3-compatible storage", () => {
  it("stores, reads back and deletes a file", async () => {
    const key = `reviews/${randomUUID()}`;
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 1, 2, 3]);
    await storage.put(key, bytes, "application/pdf");
    expect(Array.from((await storage.get(key))!)).toEqual(Array.from(bytes));
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
  });

  it("treats missing files as absent and deleting them as a no-op", async () => {
    const key = `pitches/${randomUUID()}`;
    expect(await storage.get(key)).toBeNull();
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it("refuses keys that could leave their prefix before asking the server", async () => {
    await expect(storage.put("../reviews/x", new Uint8Array([1]), "application/pdf")).rejects.toThrow(
      /Invalid storage key/,
    );
  });
});

describe("uploads on S3-compatible storage (S3_BUCKET set)", () => {
  it("keeps a CV and a recorded answer in the bucket, serves them to members, and deletes the recording with its post", async () => {
    testDb = await createServiceTestDb({
      RATE_LIMITS: "off",
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "fr-par",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
    });
    expect(getStorage().kind).toBe("s3");
    const author = await makeUser(testDb.db, "Rose Leclerc");
    const reader = await makeUser(testDb.db, "Ilyes Ferrand");

    const pdf = await makePdf(2);
    const request = await startReviewRequest(
      contextFor(actorOf(author)),
      {
        channelSlug: "cv",
        title: "Mon CV",
        target: "Chargée de mission",
        feedbackWanted: "Tout",
        letterText: undefined,
        idempotencyKey: randomUUID(),
      },
      { bytes: pdf, name: "cv.pdf" },
    );
    const cvFile = (await getReviewForThread(request.thread.id))!.versions[0]!.file!;
    expect(Array.from((await readThreadFile(contextFor(actorOf(reader)), cvFile.id)).bytes)).toEqual(Array.from(pdf));

    const pitch = await startPitch(
      contextFor(actorOf(author)),
      {
        channelSlug: "pitch",
        title: "Pitch",
        target: "Chargée",
        text: "Bonjour à tous.",
        idempotencyKey: randomUUID(),
      },
      null,
    );
    const webm = makeWebm();
    await replyWithRecording(
      contextFor(actorOf(reader)),
      { threadId: pitch.thread.id, idempotencyKey: randomUUID() },
      { bytes: webm, name: "reply.webm" },
    );
    const reply = (await readThreadPage(contextFor(actorOf(author)), { threadId: pitch.thread.id })).page.replies[0]!
      .post;
    const recording = await readThreadFile(contextFor(actorOf(author)), reply.attachments[0]!.fileId);
    expect(Array.from(recording.bytes)).toEqual(Array.from(webm));

    await removePost(contextFor(actorOf(reader)), { postId: reply.id });
    expect(await storage.get(recording.file.storageKey)).toBeNull();
  });
});
