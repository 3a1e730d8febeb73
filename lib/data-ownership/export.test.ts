/**
 * Export: the ZIP holds one JSON per area with the member's sentinel values and their original
 * files; only the member downloads it; a second request while one is built returns that one.
 */
import { eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, dataExports } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { buildExport, listMyExports, readMyExport, requestMyExport } from "./export";
import { MEMBER_PASSWORD, SENTINEL, seedSentinelMember, type SentinelMember } from "./sentinel-fixtures";

let testDb: TestDb & { dataDir: string };
let member: SentinelMember;

beforeAll(async () => {
  testDb = await createServiceTestDb();
  member = await seedSentinelMember(testDb.db, "exp");
});
afterAll(async () => {
  await testDb.close();
});

/** Areas and the sentinel each must carry (README "Export: files and fields"). */
const EXPECTED: Record<string, string[]> = {
  "profile.json": ["Name", "mail", "Headline", "Bio", "Orga", "Seeking", "Location", "Expertise"],
  "posts.json": ["Body", "Reply", "Title", "Feedback", "OfferBody"],
  "drafts.json": ["Draft"],
  "reactions.json": [],
  "review-requests.json": ["CvTitle", "Target", "Wanted", "Letter"],
  "feedback-given.json": ["Feedback"],
  "feedback-received.json": [],
  "page-comments.json": ["Feedback"],
  "pitches.json": [],
  "offers.json": ["OfferTitle", "OfferOrg", "City", "apply"],
  "applications.json": ["AppNote", "OfferTitle"],
  "checkins.json": ["Goal", "GoodNews", "Difficulty", "Help"],
  "rsvps.json": ["Activity"],
  "activities-hosted.json": ["Activity", "ActivityDesc", "Place"],
  "notification-preferences.json": ["Search"],
  "requests.json": ["Answer", "ProOrg", "JobTitle", "Proof"],
  "api-tokens.json": ["TokenName"],
  "survey.json": ["SurveyComment"],
  "files.json": ["CvFile", "Recording", "MsgFile"],
  "messages.json": ["MsgText"],
  "message-reactions.json": [],
};

describe("data export", () => {
  it("builds a ZIP with every area, the member's values and their files, never a secret", async () => {
    const ctx = contextFor(actorOf(member.user), testDb.db);
    const { id, isNew } = await requestMyExport(ctx, { password: MEMBER_PASSWORD });
    expect(isNew).toBe(true);
    const [listed] = await listMyExports(ctx);
    expect(listed).toMatchObject({ id, status: "ready" });
    const { bytes } = await readMyExport(ctx, { id });
    const zip = unzipSync(bytes);
    for (const [file, marks] of Object.entries(EXPECTED)) {
      expect(zip[file], file).toBeDefined();
      const text = strFromU8(zip[file]!);
      JSON.parse(text);
      for (const mark of marks) expect(text, `${file} holds ${mark}`).toContain(`${SENTINEL}exp${mark}`);
    }
    const reactions = JSON.parse(strFromU8(zip["reactions.json"]!)) as unknown[];
    expect(reactions).toHaveLength(1);
    const files = JSON.parse(strFromU8(zip["files.json"]!)) as { path: string; storageKey?: string }[];
    expect(files).toHaveLength(3);
    const [message] = JSON.parse(strFromU8(zip["messages.json"]!)) as { fileIds: string[] }[];
    expect(message!.fileIds).toHaveLength(1);
    expect(JSON.parse(strFromU8(zip["message-reactions.json"]!))).toHaveLength(1);
    for (const file of files) {
      expect(file.storageKey).toBeUndefined();
      expect(strFromU8(zip[file.path]!)).toContain(`${SENTINEL}expFileBytes`);
    }
    const everything = Object.values(zip)
      .map((entry) => strFromU8(entry))
      .join("\n");
    for (const secret of ["TokenHash", "ResetHash", "P256", 'Auth"', "FeedHash"]) {
      expect(everything).not.toContain(`${SENTINEL}exp${secret}`);
    }
    expect(everything).not.toContain("$argon2");
    // Its creation is in the audit log.
    const logged = await testDb.db.select().from(auditLog).where(eq(auditLog.action, "data.export"));
    expect(logged.map((entry) => entry.targetUserId)).toContain(member.user.id);
  });

  it("refuses a wrong password, another member's download and an expired archive", async () => {
    const ctx = contextFor(actorOf(member.user), testDb.db);
    await expect(requestMyExport(ctx, { password: "nope" })).rejects.toBeInstanceOf(AppError);
    const [mine] = await listMyExports(ctx);
    await expect(
      readMyExport(contextFor(actorOf(member.otherUser), testDb.db), { id: mine!.id }),
    ).rejects.toMatchObject({
      code: "not_found",
    });
    await testDb.db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.id, mine!.id));
    await expect(readMyExport(ctx, { id: mine!.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await listMyExports(ctx))[0]!.status).toBe("expired");
  });

  it("returns the running export to a second request, and building twice does nothing more", async () => {
    const ctx = contextFor(actorOf(member.otherUser), testDb.db);
    const [pending] = await testDb.db.insert(dataExports).values({ userId: member.otherUser.id }).returning();
    await testDb.db.execute(
      sql`update users set password_hash = (select password_hash from users where id = ${member.user.id}) where id = ${member.otherUser.id}`,
    );
    const second = await requestMyExport(ctx, { password: MEMBER_PASSWORD });
    expect(second).toEqual({ id: pending!.id, isNew: false });
    await buildExport(testDb.db, pending!.id);
    const [built] = await testDb.db.select().from(dataExports).where(eq(dataExports.id, pending!.id));
    await buildExport(testDb.db, pending!.id);
    const [again] = await testDb.db.select().from(dataExports).where(eq(dataExports.id, pending!.id));
    expect(again).toEqual(built);
    expect(built!.status).toBe("ready");
  });
});
