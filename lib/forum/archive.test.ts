/**
 * An archived channel: its threads stay readable, it takes nothing new (whoever asks), and it
 * leaves the lists a member picks channels from (search filter, move targets, "my week").
 * Archiving and restoring are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "@/db/queries/audit";
import { getChannelBySlug } from "@/db/queries/channels";
import type { User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { archiveChannel } from "@/lib/moderation/service";
import { getThreadExtras } from "@/lib/questions/service";
import { search } from "@/lib/search/service";
import { searchInputSchema } from "@/lib/validation/search";
import { getReadableThread, replyToThread, startThread } from "./service";

let testDb: TestDb;
let member: User;
let admin: User;
beforeAll(async () => {
  testDb = await createServiceTestDb();
  member = await makeUser(testDb.db, "Maya Membre");
  admin = await makeUser(testDb.db, "Adam Admin", "admin");
});
afterAll(() => testDb.close());

const ctx = (user: User) => ({ db: testDb.db, actor: actorOf(user) });

describe("archived channels", () => {
  it("keep their threads readable but take no new thread or reply; restoring reopens them", async () => {
    const { thread } = await startThread(ctx(member), {
      channelSlug: "victoires",
      title: "Mon CDI dans une coopérative",
      body: documentFromText("J'ai signé !"),
    });
    const archived = await archiveChannel(ctx(admin), { slug: "victoires", archived: true });
    expect(archived.archivedAt).not.toBeNull();

    const readable = await getReadableThread(ctx(member), thread.id);
    expect(readable.thread.title).toBe("Mon CDI dans une coopérative");
    for (const user of [member, admin]) {
      await expect(
        replyToThread(ctx(user), { threadId: thread.id, body: documentFromText("Bravo !") }),
      ).rejects.toMatchObject({ code: "forbidden" });
      await expect(
        startThread(ctx(user), { channelSlug: "victoires", title: "Encore une", body: documentFromText("…") }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    const after = await getReadableThread(ctx(member), thread.id);
    expect(after.thread.replyCount).toBe(0);

    // The search filter and the move targets no longer offer it.
    const results = await search(ctx(member), searchInputSchema.parse({ q: "coopérative" }));
    expect(results.channels.map((channel) => channel.slug)).not.toContain("victoires");
    expect(results.items.map((item) => item.threadId)).toContain(thread.id);
    const other = await getReadableThread(
      ctx(admin),
      (
        await startThread(ctx(admin), {
          channelSlug: "entraide",
          title: "Un fil à déplacer",
          body: documentFromText("…"),
        })
      ).thread.id,
    );
    const extras = await getThreadExtras(ctx(admin), other.thread, other.channel);
    expect(extras.moveTargets.map((target) => target.slug)).not.toContain("victoires");

    await archiveChannel(ctx(admin), { slug: "victoires", archived: false });
    expect((await getChannelBySlug(testDb.db, { slug: "victoires" }))?.archivedAt).toBeNull();
    await replyToThread(ctx(member), { threadId: thread.id, body: documentFromText("Bravo !") });
    expect((await getReadableThread(ctx(member), thread.id)).thread.replyCount).toBe(1);

    const archives = await listAuditLog(testDb.db, { action: "channel.archive" });
    const restores = await listAuditLog(testDb.db, { action: "channel.restore" });
    expect(archives.items.map((entry) => [entry.targetId, entry.actor.id])).toEqual([["victoires", admin.id]]);
    expect(restores.items.map((entry) => entry.targetId)).toEqual(["victoires"]);
  });

  it("are archived by staff only, and an archive twice is refused without a second audit line", async () => {
    await expect(archiveChannel(ctx(member), { slug: "cafe", archived: true })).rejects.toBeTruthy();
    expect((await getChannelBySlug(testDb.db, { slug: "cafe" }))?.archivedAt).toBeNull();
    await archiveChannel(ctx(admin), { slug: "cafe", archived: true });
    await expect(archiveChannel(ctx(admin), { slug: "cafe", archived: true })).rejects.toMatchObject({
      code: "conflict",
    });
    const archives = await listAuditLog(testDb.db, { action: "channel.archive" });
    expect(archives.items.filter((entry) => entry.targetId === "cafe")).toHaveLength(1);
    await archiveChannel(ctx(admin), { slug: "cafe", archived: false });
  });
});
