import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { sendMessage, startConversation } from "./service";

// Limits on (the default three new conversations a day for a first-week account).
let testDb: TestDb & { dataDir: string };

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "on" });
});
afterAll(() => testDb.close());

describe("new members and conversations", () => {
  it("starts at most three conversations a day in the first week, and keeps writing in them", async () => {
    const newcomer = await makeUser(testDb.db, "Nouvelle");
    const ctx = contextFor(actorOf(newcomer));
    const others = await Promise.all([1, 2, 3, 4].map((i) => makeUser(testDb.db, `Membre ${i}`)));
    const started = [];
    for (const other of others.slice(0, 3)) {
      started.push(
        await startConversation(ctx, {
          participantIds: [other.id],
          body: documentFromText("Bonjour"),
          idempotencyKey: randomUUID(),
        }),
      );
    }
    const refused = await startConversation(ctx, {
      participantIds: [others[3]!.id],
      body: documentFromText("Bonjour"),
      idempotencyKey: randomUUID(),
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("rate_limited");
    expect((refused as AppError).messageKey).toBe("limits.conversation");
    // Writing again to someone already in a conversation is not a new conversation.
    await startConversation(ctx, {
      participantIds: [others[0]!.id],
      body: documentFromText("Re"),
      idempotencyKey: randomUUID(),
    });
    await sendMessage(ctx, {
      conversationId: started[1]!.conversationId,
      body: documentFromText("Re"),
      idempotencyKey: randomUUID(),
    });
  });
});
