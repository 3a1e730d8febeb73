import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { expectSafeHtml } from "@/lib/editor/safe-html-check";
import { XSS_HREFS, XSS_STRINGS } from "@/lib/editor/xss-corpus";
import { editMessageSchema, sendMessageSchema } from "@/lib/validation/messages";
import { stripControlChars } from "@/lib/validation/text";
import { editMessage, listNewMessages, sendMessage, startConversation } from "./service";

// Message bodies go through the posts' allow-list and renderer: the same corpus, end to end
// through the service (validation, storage, the HTML participants receive).
let testDb: TestDb & { dataDir: string };
let camille: User;
let pro: User;
let conversationId: number;

const paragraph = (...content: unknown[]) => ({ type: "doc", content: [{ type: "paragraph", content }] });

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  [camille, pro] = await Promise.all([makeUser(testDb.db, "Camille"), makeUser(testDb.db, "Pro", "pro")]);
  const first = await startConversation(contextFor(actorOf(camille)), {
    participantIds: [pro.id],
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Bonjour" }] }] },
    idempotencyKey: randomUUID(),
  });
  conversationId = first.conversationId;
});
afterAll(() => testDb.close());

/** Parses as the action and API do, then sends. */
async function send(body: unknown) {
  const parsed = sendMessageSchema.safeParse({ conversationId, body, idempotencyKey: randomUUID() });
  if (!parsed.success) return null;
  return (await sendMessage(contextFor(actorOf(camille)), parsed.data)).message;
}

describe("private messages and the XSS corpus", () => {
  it("stores and serves every hostile string as inert text", async () => {
    for (const payload of XSS_STRINGS) {
      const message = await send(paragraph({ type: "text", text: payload }, { type: "text", text: " ok" }));
      expect(message, payload).not.toBeNull();
      expect(expectSafeHtml(message!.bodyHtml!).text).toBe(`${stripControlChars(payload)} ok`);
    }
    // What the other participant fetches (catch-up) is the same safe HTML.
    const { messages } = await listNewMessages(contextFor(actorOf(pro)), { conversationId, after: 1 });
    expect(messages.length).toBeGreaterThanOrEqual(XSS_STRINGS.length);
    for (const message of messages) expectSafeHtml(message.bodyHtml!);
  });

  it("refuses every hostile link target, in a new message and in an edit", async () => {
    const safe = await send(paragraph({ type: "text", text: "lien" }));
    for (const href of XSS_HREFS) {
      const doc = paragraph({ type: "text", text: "clic", marks: [{ type: "link", attrs: { href } }] });
      expect(await send(doc), href).toBeNull();
      const parsed = sendMessageSchema.shape.body.safeParse(doc);
      expect(parsed.success, href).toBe(false);
    }
    // An edit goes through the same schema (editMessageSchema) and renderer.
    const edit = editMessageSchema.parse({
      messageId: safe!.id,
      body: paragraph({ type: "text", text: "<img src=x onerror=alert(1)>" }),
    });
    const edited = await editMessage(contextFor(actorOf(camille)), edit);
    expect(expectSafeHtml(edited.bodyHtml!).text).toBe("<img src=x onerror=alert(1)>");
  });
});
