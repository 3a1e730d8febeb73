/**
 * The community features end to end at the service level: admission (closed by default,
 * invitations), pro requests and the directory, accepted answers and the "À répondre" list,
 * reports and hidden posts, suspensions, and the audit log with its filters.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/admission";
import { listAuditLog } from "@/db/queries/audit";
import { createReply } from "@/db/queries/posts";
import { createThread } from "@/db/queries/threads";
import { invitations, reports, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import {
  createInvitationLink,
  decideAdmissionRequest,
  getCommunitySettings,
  revokeInvitationLink,
  updateCommunitySettings,
} from "@/lib/admission/service";
import { getPostView, readThreadPage } from "@/lib/forum/service";
import { browsePros, decideProStatus, requestProStatus } from "@/lib/pros/service";
import { acceptAnswer, getThreadExtras, listQuestionsToAnswer, unacceptAnswer } from "@/lib/questions/service";
import { editChannel, listReports, readAuditLog, reportPost, setPostVisibility } from "./service";
import { channelName } from "@/lib/forum/channel-name";
import { suspendMember, unsuspendMember } from "./users";
import { replyRow, threadRow } from "@/lib/forum/content";
import { contextFor } from "@/lib/context";

let testDb: TestDb & { dataDir: string };
let facilitator: User;

beforeAll(async () => {
  testDb = await createServiceTestDb();
  facilitator = await makeUser(testDb.db, "Nadia Animation", "facilitator");
});
afterAll(() => testDb.close());

const email = (name: string) => `${name}-${crypto.randomUUID().slice(0, 8)}@example.org`;
const staff = () => actorOf(facilitator);

function lastMailTo(address: string): { subject: string; text: string } | null {
  const outbox = path.join(testDb.dataDir, "outbox");
  const files = readdirSync(outbox).sort().reverse();
  for (const file of files) {
    const mail = JSON.parse(readFileSync(path.join(outbox, file), "utf8"));
    if (mail.to === address) return mail;
  }
  return null;
}

describe("admission", () => {
  it("is closed by default: a sign-up waits, pending, with its answers, until a facilitator admits it", async () => {
    expect((await getCommunitySettings()).mode).toBe("closed");
    const address = email("candidate");
    const created = await createAccount(testDb.db, {
      name: "Inès",
      email: address,
      passwordHash: "x",
      isOpen: false,
      answers: [{ question: "Diplôme ?", answer: "Master ESS" }],
    });
    expect(created.kind).toBe("created");
    if (created.kind !== "created") return;
    expect(created.user.status).toBe("pending");
    await decideAdmissionRequest(contextFor(staff()), {
      userId: created.user.id,
      approve: true,
      message: "Bienvenue !",
    });
    const [after] = await testDb.db.select().from(users).where(eq(users.id, created.user.id));
    expect(after!.status).toBe("active");
    expect(lastMailTo(address)?.text).toContain("Bienvenue !");
    // Decided once: a second decision finds nothing waiting.
    await expect(
      decideAdmissionRequest(contextFor(staff()), { userId: created.user.id, approve: false, message: "Non" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("admits directly when open, and with a single-use invitation that then stops working", async () => {
    const open = await createAccount(testDb.db, {
      name: "Ouverte",
      email: email("open"),
      passwordHash: "x",
      isOpen: true,
      answers: [],
    });
    expect(open.kind === "created" && open.user.status).toBe("active");

    const { url } = await createInvitationLink(contextFor(staff()), { maxUses: 1, expiresInDays: 7, note: "Promo" });
    const token = new URL(url).searchParams.get("invitation")!;
    const taken = await createAccount(testDb.db, {
      name: "Déjà là",
      email: facilitator.email,
      passwordHash: "x",
      isOpen: false,
      answers: [],
      invitationToken: token,
    });
    expect(taken.kind).toBe("email_taken");
    const invited = await createAccount(testDb.db, {
      name: "Invitée",
      email: email("invited"),
      passwordHash: "x",
      isOpen: false,
      answers: [],
      invitationToken: token,
    });
    expect(invited.kind === "created" && invited.user.status).toBe("active");
    const again = await createAccount(testDb.db, {
      name: "Trop tard",
      email: email("late"),
      passwordHash: "x",
      isOpen: false,
      answers: [],
      invitationToken: token,
    });
    expect(again.kind).toBe("invalid_invitation");
  });

  it("refuses a revoked invitation", async () => {
    const { id, url } = await createInvitationLink(contextFor(staff()), { maxUses: null, expiresInDays: 7, note: "" });
    await revokeInvitationLink(contextFor(staff()), { invitationId: id });
    const [row] = await testDb.db.select().from(invitations).where(eq(invitations.id, id));
    expect(row!.revokedAt).not.toBeNull();
    const token = new URL(url).searchParams.get("invitation")!;
    const result = await createAccount(testDb.db, {
      name: "Révoquée",
      email: email("revoked"),
      passwordHash: "x",
      isOpen: false,
      answers: [],
      invitationToken: token,
    });
    expect(result.kind).toBe("invalid_invitation");
  });

  it("saves the mode and the questions, audited", async () => {
    await updateCommunitySettings(contextFor(staff()), {
      mode: "closed",
      questions: ["Votre diplôme ?", "Votre projet ?"],
    });
    const settings = await getCommunitySettings();
    expect(settings.questions?.map((question) => question.label)).toEqual(["Votre diplôme ?", "Votre projet ?"]);
    const log = await readAuditLog(contextFor(staff()), { action: "settings.update" });
    expect(log.items[0]?.details).toMatchObject({ mode: "closed" });
  });
});

describe("pros", () => {
  it("approval makes the member a pro with the request's organisation, shown on their existing posts", async () => {
    const member = await makeUser(testDb.db, "Julien Roux");
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: await channelId(testDb.db, "entraide"),
        authorId: facilitator.id,
        title: "Une question",
        body: documentFromText("?"),
      }),
    );
    const reply = await createReply(
      testDb.db,
      replyRow({
        threadId: thread.id,
        authorId: member.id,
        body: documentFromText("Ma réponse d'avant"),
      }),
    );
    if (!reply.ok) throw new Error("reply");
    const request = await requestProStatus(contextFor(actorOf(member)), {
      organisation: "Coopérative du Rhône",
      jobTitle: "RH",
      proofUrl: "https://example.org/equipe",
      expertise: ["recrutement", "insertion"],
    });
    await expect(
      requestProStatus(contextFor(actorOf(member)), {
        organisation: "Autre",
        jobTitle: "RH",
        proofUrl: "https://example.org",
        expertise: ["x"],
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await decideProStatus(contextFor(staff()), { requestId: request.id, approve: true, message: null });
    const view = await getPostView(contextFor(actorOf(facilitator)), { postId: reply.post.id });
    expect(view.author).toMatchObject({ role: "pro", organisation: "Coopérative du Rhône" });

    const directory = await browsePros(contextFor(actorOf(facilitator)), { expertise: "INSERTION" });
    expect(directory.items.map((pro) => pro.id)).toContain(member.id);
    expect(directory.fields.map((field) => field.field)).toContain("recrutement");
    expect(
      (await browsePros(contextFor(actorOf(facilitator)), { expertise: "finance" })).items.map((pro) => pro.id),
    ).not.toContain(member.id);
  });

  it("a refusal needs nothing from the member, who may ask again", async () => {
    const member = await makeUser(testDb.db, "Refusée");
    const request = await requestProStatus(contextFor(actorOf(member)), {
      organisation: "Asso",
      jobTitle: "Bénévole",
      proofUrl: "https://example.org",
      expertise: ["animation"],
    });
    await decideProStatus(contextFor(staff()), {
      requestId: request.id,
      approve: false,
      message: "Le lien ne montre pas votre poste.",
    });
    expect(lastMailTo(member.email)?.text).toContain("Le lien ne montre pas votre poste.");
    await expect(
      requestProStatus(contextFor(actorOf(member)), {
        organisation: "Asso",
        jobTitle: "Salariée",
        proofUrl: "https://example.org/2",
        expertise: ["animation"],
      }),
    ).resolves.toBeTruthy();
  });
});

describe("questions", () => {
  it("lists questions without an accepted answer, oldest first; accepting removes one, shown under the question", async () => {
    const asker = await makeUser(testDb.db, "Camille");
    const entraide = await channelId(testDb.db, "entraide");
    const older = await createThread(
      testDb.db,
      threadRow({
        channelId: entraide,
        authorId: asker.id,
        title: "Première question",
        body: documentFromText("?"),
        kind: "question",
      }),
    );
    const newer = await createThread(
      testDb.db,
      threadRow({
        channelId: entraide,
        authorId: asker.id,
        title: "Seconde question",
        body: documentFromText("?"),
        kind: "question",
      }),
    );
    await createThread(
      testDb.db,
      threadRow({
        channelId: entraide,
        authorId: asker.id,
        title: "Pas une question",
        body: documentFromText("!"),
      }),
    );
    const ids = async () =>
      (await listQuestionsToAnswer(contextFor(actorOf(asker)), { limit: 100 })).items.map((item) => item.id);
    const listed = await ids();
    expect(listed.indexOf(older.thread.id)).toBeLessThan(listed.indexOf(newer.thread.id));
    expect(listed).toHaveLength(2);

    const answer = await createReply(
      testDb.db,
      replyRow({
        threadId: older.thread.id,
        authorId: facilitator.id,
        body: documentFromText("La réponse"),
      }),
    );
    if (!answer.ok) throw new Error("reply");
    await acceptAnswer(contextFor(actorOf(asker)), { postId: answer.post.id });
    expect(await ids()).toEqual([newer.thread.id]);
    const { thread, channel } = await readThreadPage(contextFor(actorOf(asker)), { threadId: older.thread.id });
    const extras = await getThreadExtras(contextFor(actorOf(asker)), thread, channel);
    expect(extras.acceptedAnswer?.id).toBe(answer.post.id);
    expect(extras.canAccept).toBe(true);
    await unacceptAnswer(contextFor(actorOf(asker)), { threadId: older.thread.id });
    expect(await ids()).toHaveLength(2);
  });

  it("refuses accepting the question itself", async () => {
    const asker = await makeUser(testDb.db, "Yanis");
    const { postId } = await createThread(
      testDb.db,
      threadRow({
        channelId: await channelId(testDb.db, "entraide"),
        authorId: asker.id,
        title: "Ma question",
        body: documentFromText("?"),
        kind: "question",
      }),
    );
    await expect(acceptAnswer(contextFor(actorOf(asker)), { postId })).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("reports, hidden posts and suspensions", () => {
  it("a reported post is hidden with a reason its author sees, others do not; its reports close; all audited", async () => {
    const author = await makeUser(testDb.db, "Auteur");
    const reader = await makeUser(testDb.db, "Lectrice");
    const { thread, postId } = await createThread(
      testDb.db,
      threadRow({
        channelId: await channelId(testDb.db, "programme"),
        authorId: author.id,
        title: "Publicité",
        body: documentFromText("Achetez !"),
      }),
    );
    expect(await reportPost(contextFor(actorOf(reader)), { postId, reason: "Démarchage commercial" })).toEqual({
      isNew: true,
    });
    expect(await reportPost(contextFor(actorOf(reader)), { postId, reason: "Encore" })).toEqual({ isNew: false });
    const queue = await listReports(contextFor(staff()));
    const item = queue.items.find((report) => report.post.id === postId);
    expect(item).toMatchObject({
      reason: "Démarchage commercial",
      thread: { id: thread.id },
      reporter: { id: reader.id },
    });

    await setPostVisibility(contextFor(staff()), { postId, hidden: true, reason: "Pas de publicité ici" });
    const seenByAuthor = await getPostView(contextFor(actorOf(author)), { postId });
    const seenByReader = await getPostView(contextFor(actorOf(reader)), { postId });
    expect(seenByAuthor).toMatchObject({ isHidden: true, hiddenReason: "Pas de publicité ici" });
    expect(seenByAuthor.bodyHtml).toContain("Achetez");
    expect(seenByReader).toMatchObject({ isHidden: true, hiddenReason: null, bodyHtml: null });
    const open = await testDb.db.select().from(reports).where(eq(reports.postId, postId));
    expect(open.map((report) => report.status)).toEqual(["resolved"]);

    const log = await readAuditLog(contextFor(staff()), { targetUserId: author.id });
    expect(log.items[0]).toMatchObject({
      action: "post.hide",
      reason: "Pas de publicité ici",
      actor: { id: facilitator.id },
      targetUser: { id: author.id },
    });
  });

  it("a suspension ends sessions (session version) and is lifted, both audited and filterable", async () => {
    const member = await makeUser(testDb.db, "Suspendue");
    const until = new Date(Date.now() + 7 * 24 * 3_600_000);
    await suspendMember(contextFor(staff()), { userId: member.id, reason: "Spam", until });
    const [suspended] = await testDb.db.select().from(users).where(eq(users.id, member.id));
    expect(suspended).toMatchObject({
      status: "suspended",
      suspensionReason: "Spam",
      sessionVersion: member.sessionVersion + 1,
    });
    expect(suspended!.suspendedUntil?.getTime()).toBe(until.getTime());
    expect(lastMailTo(member.email)?.subject).toContain("suspendu");
    await unsuspendMember(contextFor(staff()), { userId: member.id });
    const log = await readAuditLog(contextFor(staff()), { targetUserId: member.id });
    expect(log.items.map((entry) => entry.action)).toEqual(["user.unsuspend", "user.suspend"]);
    const byAction = await readAuditLog(contextFor(staff()), { action: "user.suspend", actorId: facilitator.id });
    expect(byAction.items.every((entry) => entry.action === "user.suspend")).toBe(true);
  });

  it("pages the audit log with a cursor, newest first, without repeating an entry", async () => {
    for (let i = 0; i < 5; i++)
      await createInvitationLink(contextFor(staff()), { maxUses: 1, expiresInDays: 1, note: `Lien ${i}` });
    const seen: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard++) {
      const page = await listAuditLog(testDb.db, { action: "invitation.create", cursor, limit: 2 });
      seen.push(...page.items.map((entry) => entry.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });
});

describe("channel names in English", () => {
  it("a facilitator sets a channel's English name, clears it, and the audit log names the change", async () => {
    const edit = (nameEn: string) =>
      editChannel(contextFor(staff()), {
        slug: "entraide",
        name: "Entraide & questions",
        nameEn,
        description: "Posez vos questions.",
        rules: "",
      });
    const named = await edit("Mutual help");
    expect(named.nameEn).toBe("Mutual help");
    expect(channelName(named, "en")).toBe("Mutual help");
    expect(channelName(named, "fr")).toBe("Entraide & questions");
    const { items } = await listAuditLog(testDb.db, { action: "channel.update" });
    expect(items[0]?.details.changed).toContain("nameEn");

    // Emptied: English readers read the channel's own name.
    const cleared = await edit("");
    expect(cleared.nameEn).toBeNull();
    expect(channelName(cleared, "en")).toBe("Entraide & questions");
  });
});
