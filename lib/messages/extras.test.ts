/**
 * What came after the first conversations: files in messages (checked, participants only, gone
 * with the message), reactions, "… écrit" and adding people to a group later.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversationMessageFiles, conversationParticipants, storedFiles, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import { getStorage } from "@/lib/storage";
import { makeWebm } from "@/lib/uploads/test-audio";
import { makeExecutable, makePdf, makePdfWithJavaScript } from "@/lib/uploads/test-pdfs";
import { setBlocked } from "./control";
import { readMessageFile, sendMessageWithFile } from "./attachments";
import { addPeopleToConversation } from "./groups";
import { reactToMessage } from "./reactions";
import { leaveConversationAsMember, readConversation, removeMessage, startConversation } from "./service";
import { signalTyping } from "./typing";

let testDb: TestDb & { dataDir: string };
let camille: User;
let pro: User;
let yanis: User;
let lea: User;

const received: { room: string; event: string; payload: unknown }[] = [];
const fakeIo = {
  to: (target: string | string[]) => ({
    emit: (event: string, payload?: unknown) => {
      for (const room of [target].flat()) received.push({ room, event, payload });
    },
  }),
  in: () => ({ disconnectSockets: () => undefined, fetchSockets: async () => [] }),
} as unknown as RealtimeServer;

const as = (user: User) => contextFor(actorOf(user));
const key = () => randomUUID();
const roomsOf = (event: string) => received.filter((entry) => entry.event === event).map((entry) => entry.room);

async function expectCode(run: () => Promise<unknown>, code: string) {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function directConversation(a: User, b: User) {
  const { conversationId } = await startConversation(as(a), {
    participantIds: [b.id],
    body: documentFromText("Bonjour"),
    idempotencyKey: key(),
  });
  return conversationId;
}

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  setIo(fakeIo);
  [camille, pro, yanis, lea] = await Promise.all([
    makeUser(testDb.db, "Camille"),
    makeUser(testDb.db, "Pro Karim", "pro"),
    makeUser(testDb.db, "Yanis"),
    makeUser(testDb.db, "Léa"),
  ]);
});
afterAll(async () => {
  setIo(undefined);
  await testDb.close();
});
beforeEach(() => {
  received.length = 0;
});

describe("files in messages", () => {
  it("sends a checked CV live to the other participant, who alone downloads it", async () => {
    const conversationId = await directConversation(camille, pro);
    const pdf = await makePdf(2);
    const { message, isNew } = await sendMessageWithFile(
      as(camille),
      { conversationId, text: "Mon CV", idempotencyKey: key() },
      { bytes: pdf, name: "CV Camille.pdf" },
    );
    expect(isNew).toBe(true);
    expect(message.attachments).toEqual([
      { fileId: expect.any(String), contentType: "application/pdf", name: "CV Camille.pdf", byteSize: pdf.byteLength },
    ]);
    expect(roomsOf("message:created")).toEqual(expect.arrayContaining([`user:${pro.id}`, `user:${camille.id}`]));
    const fileId = message.attachments[0]!.fileId;
    const fetched = await readMessageFile(as(pro), fileId);
    expect(fetched.bytes.byteLength).toBe(pdf.byteLength);
    // An outsider, a visitor and a guessed id: all the same not_found.
    await expectCode(() => readMessageFile(as(yanis), fileId), "not_found");
    await expectCode(() => readMessageFile(contextFor(null), fileId), "not_found");
    await expectCode(() => readMessageFile(as(pro), randomUUID()), "not_found");
    // Someone who left reads nothing any more.
    await leaveConversationAsMember(as(pro), { conversationId });
    await expectCode(() => readMessageFile(as(pro), fileId), "not_found");
  });

  it("takes a recorded pitch, and refuses a script-carrying PDF or a program without storing anything", async () => {
    const conversationId = await directConversation(lea, pro);
    const { message } = await sendMessageWithFile(
      as(lea),
      { conversationId, text: "", idempotencyKey: key() },
      { bytes: makeWebm(), name: "whatever.exe" },
    );
    expect(message.attachments[0]).toMatchObject({ contentType: "audio/webm", name: "pitch.webm" });
    const before = (await testDb.db.select().from(storedFiles)).length;
    for (const bytes of [await makePdfWithJavaScript(), makeExecutable()]) {
      await expectCode(
        () =>
          sendMessageWithFile(as(lea), { conversationId, text: "", idempotencyKey: key() }, { bytes, name: "x.pdf" }),
        "bad_request",
      );
    }
    expect(await testDb.db.select().from(storedFiles)).toHaveLength(before);
  });

  it("keeps one file for a retried submission, and refuses an outsider before storing", async () => {
    const conversationId = await directConversation(yanis, lea);
    const idempotencyKey = key();
    const pdf = await makePdf(1);
    const first = await sendMessageWithFile(
      as(yanis),
      { conversationId, text: "CV", idempotencyKey },
      { bytes: pdf, name: "cv.pdf" },
    );
    const again = await sendMessageWithFile(
      as(yanis),
      { conversationId, text: "CV", idempotencyKey },
      { bytes: pdf, name: "cv.pdf" },
    );
    expect(again.isNew).toBe(false);
    expect(again.message.attachments).toEqual(first.message.attachments);
    const before = (await testDb.db.select().from(storedFiles)).length;
    await expectCode(
      () =>
        sendMessageWithFile(
          as(camille),
          { conversationId, text: "", idempotencyKey: key() },
          { bytes: pdf, name: "a.pdf" },
        ),
      "not_found",
    );
    expect(await testDb.db.select().from(storedFiles)).toHaveLength(before);
  });

  it("deletes the file, row and bytes, with its message", async () => {
    const conversationId = await directConversation(camille, lea);
    const { message } = await sendMessageWithFile(
      as(camille),
      { conversationId, text: "", idempotencyKey: key() },
      { bytes: await makePdf(1), name: "cv.pdf" },
    );
    const fileId = message.attachments[0]!.fileId;
    const [file] = await testDb.db.select().from(storedFiles).where(eq(storedFiles.id, fileId));
    await removeMessage(as(camille), { messageId: message.id });
    expect(
      await testDb.db.select().from(conversationMessageFiles).where(eq(conversationMessageFiles.fileId, fileId)),
    ).toEqual([]);
    expect(await getStorage().get(file!.storageKey)).toBeNull();
    await expectCode(() => readMessageFile(as(lea), fileId), "not_found");
    const page = await readConversation(as(lea), { conversationId });
    expect(page.messages.find((m) => m.id === message.id)?.attachments).toEqual([]);
  });
});

describe("reactions", () => {
  it("toggles a participant's reaction, pushed to every participant; outsiders get not_found", async () => {
    const conversationId = await directConversation(camille, yanis);
    const page = await readConversation(as(yanis), { conversationId });
    const messageId = page.messages[0]!.id;
    const reactions = await reactToMessage(as(yanis), { messageId, emoji: "👍" });
    expect(reactions).toEqual([{ emoji: "👍", count: 1, names: ["Yanis"], userIds: [yanis.id] }]);
    expect(roomsOf("message:reactions").sort()).toEqual([`user:${camille.id}`, `user:${yanis.id}`].sort());
    expect((await readConversation(as(camille), { conversationId })).messages[0]!.reactions).toEqual(reactions);
    expect(await reactToMessage(as(yanis), { messageId, emoji: "👍" })).toEqual([]);
    await expectCode(() => reactToMessage(as(lea), { messageId, emoji: "❤️" }), "not_found");
  });
});

describe("typing", () => {
  it("tells the other participants only, at most once per interval, and nothing to outsiders", async () => {
    const conversationId = await directConversation(lea, yanis);
    const now = Date.now();
    await signalTyping(as(lea), { conversationId }, now);
    await signalTyping(as(lea), { conversationId }, now + 500);
    expect(roomsOf("conversation:typing")).toEqual([`user:${yanis.id}`]);
    expect(received.find((entry) => entry.event === "conversation:typing")?.payload).toEqual({
      conversationId,
      user: { id: lea.id, name: "Léa" },
    });
    await signalTyping(as(lea), { conversationId }, now + 3_000);
    expect(roomsOf("conversation:typing")).toHaveLength(2);
    await expectCode(() => signalTyping(as(camille), { conversationId }), "not_found");
    expect(roomsOf("conversation:typing")).toHaveLength(2);
  });
});

describe("adding people to a group", () => {
  it("adds people up to 8, never someone who blocked the actor, never to a one-to-one", async () => {
    const { conversationId } = await startConversation(as(camille), {
      participantIds: [pro.id, lea.id],
      title: "Entraide",
      body: documentFromText("Bienvenue"),
      idempotencyKey: key(),
    });
    await setBlocked(as(yanis), { userId: lea.id, blocked: true });
    await expectCode(
      () => addPeopleToConversation(as(lea), { conversationId, participantIds: [yanis.id] }),
      "forbidden",
    );
    const participants = () =>
      testDb.db
        .select()
        .from(conversationParticipants)
        .where(eq(conversationParticipants.conversationId, conversationId));
    expect(await participants()).toHaveLength(3);
    await setBlocked(as(yanis), { userId: lea.id, blocked: false });
    expect(await addPeopleToConversation(as(lea), { conversationId, participantIds: [yanis.id] })).toEqual({
      added: [yanis.id],
    });
    expect(roomsOf("messages:changed")).toContain(`user:${yanis.id}`);
    expect((await readConversation(as(yanis), { conversationId })).messages).toHaveLength(1);

    const more = await Promise.all(Array.from({ length: 5 }, (_, i) => makeUser(testDb.db, `Membre ${i}`)));
    await expectCode(
      () => addPeopleToConversation(as(camille), { conversationId, participantIds: more.map((u) => u.id) }),
      "bad_request",
    );
    expect(await participants()).toHaveLength(4);
    await addPeopleToConversation(as(camille), { conversationId, participantIds: more.slice(0, 4).map((u) => u.id) });
    expect(await participants()).toHaveLength(8);

    const direct = await directConversation(pro, yanis);
    await expectCode(
      () => addPeopleToConversation(as(pro), { conversationId: direct, participantIds: [lea.id] }),
      "forbidden",
    );
    await expectCode(
      () => addPeopleToConversation(as(lea), { conversationId: direct, participantIds: [camille.id] }),
      "not_found",
    );
  });
});
