import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { closeReportedMessage, listMessageReports, reportMessage } from "./reports";
import { readConversation, sendMessage, startConversation } from "./service";

let testDb: TestDb & { dataDir: string };
let camille: User;
let yanis: User;
let fanny: User;

const as = (user: User) => contextFor(actorOf(user));

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" });
  [camille, yanis, fanny] = await Promise.all([
    makeUser(testDb.db, "Camille"),
    makeUser(testDb.db, "Yanis"),
    makeUser(testDb.db, "Fanny", "facilitator"),
  ]);
});
afterAll(() => testDb.close());

describe("reporting a private message", () => {
  it("shares the message and the five before it with the facilitators, nothing else, and audits the decision", async () => {
    const { conversationId } = await startConversation(as(yanis), {
      participantIds: [camille.id],
      body: documentFromText("message 1"),
      idempotencyKey: randomUUID(),
    });
    let reported = 0;
    for (let n = 2; n <= 9; n++) {
      const author = n % 2 ? yanis : camille;
      const { message } = await sendMessage(as(author), {
        conversationId,
        body: documentFromText(`message ${n}`),
        idempotencyKey: randomUUID(),
      });
      if (n === 7) reported = message.id;
    }
    // Only participants report, and never their own message.
    const outsider = await makeUser(testDb.db, "Intruse");
    for (const [user, code] of [
      [outsider, "not_found"],
      [fanny, "not_found"],
      [yanis, "forbidden"],
    ] as const) {
      const error = await reportMessage(as(user), { messageId: reported, reason: "abus" }).catch((e: unknown) => e);
      expect((error as AppError).code).toBe(code);
    }
    const first = await reportMessage(as(camille), { messageId: reported, reason: "Propos insistants" });
    expect(first.isNew).toBe(true);
    expect((await reportMessage(as(camille), { messageId: reported, reason: "encore" })).isNew).toBe(false);

    const { items } = await listMessageReports(as(fanny));
    expect(items).toHaveLength(1);
    expect(items[0]!.context.map((item) => item.bodyHtml)).toEqual(
      [2, 3, 4, 5, 6, 7].map((n) => `<p>message ${n}</p>`),
    );
    expect(items[0]!.context.filter((item) => item.isReported).map((item) => item.number)).toEqual([7]);
    // The later messages and the conversation itself stay out of reach.
    expect(JSON.stringify(items[0])).not.toContain("message 8");
    const error = await readConversation(as(fanny), { conversationId }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("not_found");
    await expect(listMessageReports(as(camille))).rejects.toBeInstanceOf(AppError);

    await closeReportedMessage(as(fanny), { reportId: items[0]!.id, outcome: "resolved" });
    expect((await listMessageReports(as(fanny))).items).toHaveLength(0);
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.actorId, fanny.id));
    expect(audit).toMatchObject([
      { action: "message_report.resolve", targetType: "message_report", targetUserId: yanis.id },
    ]);
  });
});
