import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upsertNotificationSettings } from "@/db/queries/notification-settings";
import { threadReads, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { DEFAULT_CHECKIN_QUESTIONS } from "@/lib/domain/rhythm";
import { startThread } from "@/lib/forum/service";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test-smtp";
import { saveCheckinSettings } from "./config";
import { sendNudges } from "./nudges";

vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

/*
 * The friendly e-mail to members who went quiet, with a moved clock: accounts are created now,
 * the job runs a month later, when nobody has done anything since — except those who did.
 */
const DAY = 24 * 60 * 60 * 1000;
const LATER = new Date(Date.now() + 30 * DAY);

let smtp: SmtpSink;
let testDb: TestDb & { dataDir: string };
let quiet: User;
let reader: User;
let noEmail: User;
let staff: User;

beforeAll(async () => {
  smtp = await startSmtpSink();
  testDb = await createServiceTestDb({
    SMTP_URL: smtp.url,
    PUBLIC_URL: "https://propulse.example",
    RATE_LIMITS: "off",
  });
  [quiet, reader, noEmail, staff] = await Promise.all([
    makeUser(testDb.db, "Quentin Discret"),
    makeUser(testDb.db, "Rita Lectrice"),
    makeUser(testDb.db, "Nora Sansmail"),
    makeUser(testDb.db, "Fanny Facilitatrice", "facilitator"),
  ]);
  await upsertNotificationSettings(testDb.db, { userId: noEmail.id, digest: "never" });
  // Rita read a thread four days before the job runs: she is around, not quiet.
  const { thread } = await startThread(contextFor(actorOf(staff), testDb.db), {
    channelSlug: "entraide",
    title: "Une question de la semaine",
    body: documentFromText("Bonjour à toutes et tous."),
  });
  await testDb.db.insert(threadReads).values({
    userId: reader.id,
    threadId: thread.id,
    lastReadNumber: 1,
    updatedAt: new Date(LATER.getTime() - 4 * DAY),
  });
});
afterAll(async () => {
  await testDb.close();
  await smtp.close();
});

const mailsTo = (user: User) =>
  smtp.received.filter((mail) => mail.to && "text" in mail.to && mail.to.text === user.email);

describe("nudges", () => {
  it("go once to a member who went quiet, in the facilitators' words, and to nobody else", async () => {
    await saveCheckinSettings(testDb.db, {
      day: 1,
      questions: DEFAULT_CHECKIN_QUESTIONS,
      nudgeMessage: "Le café de jeudi t'attend, même pour dix minutes !",
    });
    expect(await sendNudges(testDb.db, LATER)).toBe(1);
    const [mail] = mailsTo(quiet);
    expect(mail?.subject).toBe("La communauté Pro'pulse a avancé, on garde une place pour toi");
    expect(mail?.text).toContain("Bonjour Quentin Discret,");
    expect(mail?.text).toContain("Le café de jeudi t'attend, même pour dix minutes !");
    expect(mail?.text).toContain("https://propulse.example/cafe");
    // Never a list of what the member did not do.
    expect(mail?.text).not.toMatch(/semaines? sans|tu n'as pas/i);
    for (const user of [reader, noEmail, staff]) expect(mailsTo(user)).toHaveLength(0);
  });

  it("go at most once every four weeks to a member, whatever the runs", async () => {
    expect(await sendNudges(testDb.db, LATER)).toBe(0);
    // Two weeks later Rita has gone quiet too: her first nudge; Quentin's is too recent.
    expect(await sendNudges(testDb.db, new Date(LATER.getTime() + 14 * DAY))).toBe(1);
    expect(mailsTo(reader)).toHaveLength(1);
    expect(mailsTo(quiet)).toHaveLength(1);
    // Five weeks after his first: Quentin gets a second one; Rita's is three weeks old.
    expect(await sendNudges(testDb.db, new Date(LATER.getTime() + 35 * DAY))).toBe(1);
    expect(mailsTo(quiet)).toHaveLength(2);
    expect(mailsTo(reader)).toHaveLength(1);
    expect(mailsTo(noEmail)).toHaveLength(0);
  });
});
