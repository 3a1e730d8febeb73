import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveMessagingSettings } from "@/db/queries/blocks";
import { auditLog, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { endBuddies, getMyBuddy, pairBuddies, pairLanguage, readBuddyBoard } from "./buddies";
import { readConversation, sendMessage } from "./service";

let testDb: TestDb & { dataDir: string };
let fanny: User;
let newcomer: User;
let alumna: User;
let pro: User;

const as = (user: User) => contextFor(actorOf(user));
const welcome = ({ newcomer: n, buddy: b }: { newcomer: string; buddy: string }, locale: string) =>
  locale === "en" ? `Hello ${n}, I am ${b}` : `Bonjour ${n}, je suis ${b}`;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  [fanny, newcomer, alumna, pro] = await Promise.all([
    makeUser(testDb.db, "Fanny", "facilitator"),
    makeUser(testDb.db, "Nina Nouvelle"),
    makeUser(testDb.db, "Alice Ancienne"),
    makeUser(testDb.db, "Paul Pro", "pro"),
  ]);
  await saveMessagingSettings(testDb.db, {
    userId: alumna.id,
    acceptsNewConversations: true,
    availabilityNote: "",
    buddyCapacity: 1,
  });
  await saveMessagingSettings(testDb.db, {
    userId: pro.id,
    acceptsNewConversations: true,
    availabilityNote: "",
    buddyCapacity: 2,
  });
});
afterAll(() => testDb.close());

describe("binômes", () => {
  it("pairs a newcomer with a volunteer: a welcome conversation, both see it at home, facilitators see the date only", async () => {
    let board = await readBuddyBoard(as(fanny));
    expect(board.newcomers.map((n) => n.id)).toContain(newcomer.id);
    expect(board.volunteers.map((v) => v.id).sort()).toEqual([alumna.id, pro.id].sort());

    const pair = await pairBuddies(as(fanny), { newcomerId: newcomer.id, buddyId: alumna.id, welcome });
    const mine = await getMyBuddy(as(newcomer));
    expect(mine).toMatchObject({ other: { id: alumna.id, name: "Alice Ancienne" }, isNewcomer: true });
    expect(await getMyBuddy(as(alumna))).toMatchObject({ other: { id: newcomer.id }, isNewcomer: false });
    const conversation = await readConversation(as(newcomer), { conversationId: mine!.conversationId! });
    expect(conversation.messages.map((m) => [m.author.id, m.bodyHtml])).toEqual([
      [alumna.id, "<p>Bonjour Nina Nouvelle, je suis Alice Ancienne</p>"],
    ]);
    // The facilitator is not in the conversation, and sees when they last wrote, not what.
    await expect(readConversation(as(fanny), { conversationId: mine!.conversationId! })).rejects.toBeInstanceOf(
      AppError,
    );
    board = await readBuddyBoard(as(fanny));
    expect(board.pairs[0]).toMatchObject({ id: pair.id, lastExchangeAt: null });
    await sendMessage(as(newcomer), {
      conversationId: mine!.conversationId!,
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Merci !" }] }] },
      idempotencyKey: crypto.randomUUID(),
    });
    board = await readBuddyBoard(as(fanny));
    expect(board.pairs[0]!.lastExchangeAt).not.toBeNull();
    expect(JSON.stringify(board)).not.toContain("Merci");
    // Alice is full now; the newcomer is no longer waiting.
    expect(board.volunteers.map((v) => v.id)).toEqual([pro.id]);
    expect(board.newcomers.map((n) => n.id)).not.toContain(newcomer.id);
  });

  it("refuses a full volunteer, re-pairs (ending the old pair), ends pairs, and audits all of it; members cannot", async () => {
    const other = await makeUser(testDb.db, "Omar Nouveau");
    const full = await pairBuddies(as(fanny), { newcomerId: other.id, buddyId: alumna.id, welcome }).catch(
      (e: unknown) => e,
    );
    expect((full as AppError).code).toBe("conflict");
    const member = await pairBuddies(as(alumna), { newcomerId: other.id, buddyId: pro.id, welcome }).catch(
      (e: unknown) => e,
    );
    expect((member as AppError).code).toBe("not_found");

    const repaired = await pairBuddies(as(fanny), { newcomerId: newcomer.id, buddyId: pro.id, welcome });
    expect((await getMyBuddy(as(newcomer)))!.other.id).toBe(pro.id);
    expect(await getMyBuddy(as(alumna))).toBeNull();
    await endBuddies(as(fanny), { pairId: repaired.id });
    expect(await getMyBuddy(as(newcomer))).toBeNull();
    const actions = (await testDb.db.select().from(auditLog).where(eq(auditLog.actorId, fanny.id))).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(["buddy.end", "buddy.end", "buddy.pair", "buddy.pair"]);
  });

  it("welcomes in the pair's language: the newcomer's, else the buddy's, else French", async () => {
    expect(pairLanguage("en", "fr")).toBe("en");
    expect(pairLanguage(null, "en")).toBe("en");
    expect(pairLanguage("de", null)).toBe("fr");
    const english = await makeUser(testDb.db, "Emma English");
    await testDb.db.update(users).set({ locale: "en" }).where(eq(users.id, english.id));
    await pairBuddies(as(fanny), { newcomerId: english.id, buddyId: pro.id, welcome });
    const mine = await getMyBuddy(as(english));
    const conversation = await readConversation(as(english), { conversationId: mine!.conversationId! });
    expect(conversation.messages.map((m) => m.bodyHtml)).toEqual(["<p>Hello Emma English, I am Paul Pro</p>"]);
  });
});
