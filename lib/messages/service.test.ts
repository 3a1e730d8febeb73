import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversationMessages, notifications, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import {
  archiveConversation,
  countMyUnreadConversations,
  editMessage,
  leaveConversationAsMember,
  listMyConversations,
  listNewMessages,
  markConversationSeen,
  readConversation,
  readMessageHistory,
  removeMessage,
  sendMessage,
  startConversation,
} from "./service";

let testDb: TestDb & { dataDir: string };
let camille: User;
let pro: User;
let yanis: User;
let lea: User;

/** What each user room received (a stand-in for the Socket.io server). */
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
const text = (value: string) => documentFromText(value);
const key = () => randomUUID();

async function expectCode(run: () => Promise<unknown>, code: string) {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
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

describe("one-to-one conversations", () => {
  it("delivers a first message live to both rooms, counts it unread and notifies once per unread streak", async () => {
    const { conversationId, message } = await startConversation(as(camille), {
      participantIds: [pro.id],
      body: text("Bonjour, je peux vous envoyer mon CV ?"),
      idempotencyKey: key(),
    });
    expect(message.number).toBe(1);
    const created = received.filter((entry) => entry.event === "message:created").map((entry) => entry.room);
    expect(created.sort()).toEqual([`user:${camille.id}`, `user:${pro.id}`].sort());
    expect(await countMyUnreadConversations(as(pro))).toBe(1);
    expect(await countMyUnreadConversations(as(camille))).toBe(0);

    await sendMessage(as(camille), { conversationId, body: text("Merci d'avance"), idempotencyKey: key() });
    const proNotes = await testDb.db.select().from(notifications).where(eq(notifications.userId, pro.id));
    expect(proNotes.filter((note) => note.kind === "message")).toHaveLength(1);
    expect(proNotes[0]!.payload).toEqual({ conversationId });

    // The pro reads: "vu" goes to Camille, the count drops; a reply notifies Camille.
    await markConversationSeen(as(pro), { conversationId, number: 2 });
    expect(received.some((entry) => entry.event === "conversation:read" && entry.room === `user:${camille.id}`)).toBe(
      true,
    );
    expect(await countMyUnreadConversations(as(pro))).toBe(0);
    await sendMessage(as(pro), { conversationId, body: text("Avec plaisir"), idempotencyKey: key() });
    const page = await readConversation(as(camille), { conversationId });
    expect(page.messages.map((m) => m.number)).toEqual([1, 2, 3]);
    expect(page.participants.find((p) => p.id === pro.id)?.lastReadNumber).toBe(3);
  });

  it("writes again in the same one-to-one conversation, and a retried submission sends once", async () => {
    const first = await startConversation(as(lea), {
      participantIds: [yanis.id],
      body: text("Salut"),
      idempotencyKey: key(),
    });
    const idempotencyKey = key();
    const again = await startConversation(as(lea), {
      participantIds: [yanis.id],
      body: text("Re-salut"),
      idempotencyKey,
    });
    expect(again.conversationId).toBe(first.conversationId);
    await sendMessage(as(lea), { conversationId: first.conversationId, body: text("Re-salut"), idempotencyKey });
    const rows = await testDb.db
      .select()
      .from(conversationMessages)
      .where(eq(conversationMessages.conversationId, first.conversationId));
    expect(rows).toHaveLength(2);
  });

  it("catches up after a number in order, and only for participants (guessed ids are not found)", async () => {
    const { conversationId } = await startConversation(as(camille), {
      participantIds: [lea.id],
      body: text("un"),
      idempotencyKey: key(),
    });
    await sendMessage(as(lea), { conversationId, body: text("deux"), idempotencyKey: key() });
    await sendMessage(as(camille), { conversationId, body: text("trois"), idempotencyKey: key() });
    const page = await listNewMessages(as(lea), { conversationId, after: 1 });
    expect(page.messages.map((m) => m.bodyHtml)).toEqual(["<p>deux</p>", "<p>trois</p>"]);
    expect(page.hasMore).toBe(false);
    await expectCode(() => listNewMessages(as(yanis), { conversationId, after: 0 }), "not_found");
    await expectCode(() => readConversation(as(yanis), { conversationId }), "not_found");
    await expectCode(() => readConversation(as(yanis), { conversationId: 999_999 }), "not_found");
    await expectCode(
      () => sendMessage(as(yanis), { conversationId, body: text("intrus"), idempotencyKey: key() }),
      "not_found",
    );
    const facilitator = await makeUser(testDb.db, "Fanny", "facilitator");
    await expectCode(() => readConversation(as(facilitator), { conversationId }), "not_found");
  });

  it("edits keep the history, deletes erase the text, both only by the author", async () => {
    const { conversationId, message } = await startConversation(as(yanis), {
      participantIds: [pro.id],
      body: text("Premier jet"),
      idempotencyKey: key(),
    });
    await expectCode(() => editMessage(as(pro), { messageId: message.id, body: text("Piraté") }), "forbidden");
    const edited = await editMessage(as(yanis), { messageId: message.id, body: text("Version propre") });
    expect(edited.bodyHtml).toBe("<p>Version propre</p>");
    expect(edited.editedAt).not.toBeNull();
    expect(received.some((entry) => entry.event === "message:updated" && entry.room === `user:${pro.id}`)).toBe(true);
    const history = await readMessageHistory(as(pro), { messageId: message.id });
    expect(history.map((h) => h.bodyHtml)).toEqual(["<p>Premier jet</p>"]);
    await expectCode(() => readMessageHistory(as(lea), { messageId: message.id }), "not_found");
    await expectCode(() => removeMessage(as(pro), { messageId: message.id }), "forbidden");
    await removeMessage(as(yanis), { messageId: message.id });
    const page = await readConversation(as(pro), { conversationId });
    expect(page.messages[0]).toMatchObject({ isDeleted: true, bodyHtml: null, body: null });
  });

  it("archives until the next message, and leaving stops reading and live events at once", async () => {
    const { conversationId } = await startConversation(as(lea), {
      participantIds: [camille.id, yanis.id],
      title: "Groupe CV",
      body: text("Bienvenue"),
      idempotencyKey: key(),
    });
    await archiveConversation(as(camille), { conversationId, archived: true });
    let list = await listMyConversations(as(camille), {});
    expect(list.items.some((item) => item.id === conversationId)).toBe(false);
    expect((await listMyConversations(as(camille), { archived: true })).items.map((item) => item.id)).toContain(
      conversationId,
    );
    await sendMessage(as(lea), { conversationId, body: text("Relance"), idempotencyKey: key() });
    list = await listMyConversations(as(camille), {});
    const item = list.items.find((candidate) => candidate.id === conversationId)!;
    expect(item).toMatchObject({ title: "Groupe CV", isGroup: true, lastExcerpt: "Relance", lastAuthorName: "Léa" });
    expect(item.lastNumber).toBeGreaterThan(item.lastReadNumber);
    expect(list.items[0]!.id).toBe(conversationId);

    await leaveConversationAsMember(as(yanis), { conversationId });
    received.length = 0;
    await sendMessage(as(lea), { conversationId, body: text("Encore"), idempotencyKey: key() });
    expect(received.filter((entry) => entry.event === "message:created").map((entry) => entry.room)).not.toContain(
      `user:${yanis.id}`,
    );
    await expectCode(() => readConversation(as(yanis), { conversationId }), "not_found");
  });

  it("refuses groups beyond 8 people and suspended writers", async () => {
    const others = await Promise.all(Array.from({ length: 8 }, (_, i) => makeUser(testDb.db, `Membre ${i}`)));
    await expectCode(
      () =>
        startConversation(as(camille), {
          participantIds: others.map((user) => user.id),
          body: text("Trop"),
          idempotencyKey: key(),
        }),
      "bad_request",
    );
    const { conversationId } = await startConversation(as(camille), {
      participantIds: [others[0]!.id],
      body: text("ok"),
      idempotencyKey: key(),
    });
    await testDb.db.update(users).set({ status: "suspended" }).where(eq(users.id, others[0]!.id));
    const suspended = contextFor({ id: others[0]!.id, role: "member", status: "suspended" });
    await expectCode(
      () => sendMessage(suspended, { conversationId, body: text("x"), idempotencyKey: key() }),
      "forbidden",
    );
    await expectCode(
      () => startConversation(as(camille), { participantIds: [others[0]!.id], body: text("x"), idempotencyKey: key() }),
      "forbidden",
    );
  });
});

describe("who may write to whom", () => {
  it("a blocked member can no longer write to the blocker, nor start a conversation or a group with them", async () => {
    const { setBlocked } = await import("./control");
    const { conversationId } = await startConversation(as(yanis), {
      participantIds: [camille.id],
      body: text("Coucou"),
      idempotencyKey: key(),
    });
    await setBlocked(as(camille), { userId: yanis.id, blocked: true });
    await expectCode(
      () => sendMessage(as(yanis), { conversationId, body: text("Tu es là ?"), idempotencyKey: key() }),
      "forbidden",
    );
    await expectCode(
      () => startConversation(as(yanis), { participantIds: [camille.id], body: text("?"), idempotencyKey: key() }),
      "forbidden",
    );
    await expectCode(
      () =>
        startConversation(as(yanis), { participantIds: [lea.id, camille.id], body: text("?"), idempotencyKey: key() }),
      "forbidden",
    );
    // The page tells both sides they cannot write; unblocking restores it.
    expect((await readConversation(as(yanis), { conversationId })).canWrite).toBe(false);
    expect((await readConversation(as(camille), { conversationId })).canWrite).toBe(false);
    await setBlocked(as(camille), { userId: yanis.id, blocked: false });
    await sendMessage(as(yanis), { conversationId, body: text("Merci"), idempotencyKey: key() });
  });

  it("a pro may close new conversations, with an availability note shown otherwise", async () => {
    const { updateMyMessagingSettings } = await import("./control");
    const { contactOptions } = await import("./service");
    const otherPro = await makeUser(testDb.db, "Pro Sonia", "pro");
    await updateMyMessagingSettings(as(otherPro), {
      acceptsNewConversations: true,
      availabilityNote: "répond en général sous 3 jours",
      buddyCapacity: 0,
    });
    expect((await contactOptions(as(camille), { userIds: [otherPro.id] }))[0]).toMatchObject({
      canWrite: true,
      availabilityNote: "répond en général sous 3 jours",
    });
    await updateMyMessagingSettings(as(otherPro), {
      acceptsNewConversations: false,
      availabilityNote: "",
      buddyCapacity: 0,
    });
    expect((await contactOptions(as(camille), { userIds: [otherPro.id] }))[0]!.canWrite).toBe(false);
    await expectCode(
      () => startConversation(as(camille), { participantIds: [otherPro.id], body: text("?"), idempotencyKey: key() }),
      "forbidden",
    );
    // The team can still reach them.
    const facilitator = await makeUser(testDb.db, "Fanny", "facilitator");
    await startConversation(as(facilitator), {
      participantIds: [otherPro.id],
      body: text("Bonjour"),
      idempotencyKey: key(),
    });
  });
});
