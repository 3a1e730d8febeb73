import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { Server } from "socket.io";
import { io as connectClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as oneClickPost } from "@/app/unsubscribe/one-click/route";
import { getNotificationSettings, upsertNotificationSettings } from "@/db/queries/notification-settings";
import { channels, digestDeliveries, notifications, type Notification, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { replyToThread, startThread } from "@/lib/forum/service";
import { createJobQueue, type JobQueue } from "@/lib/jobs/queue";
import type { SendJob } from "@/lib/jobs/types";
import { JOB_DEFINITIONS } from "@/lib/jobs/workers";
import { startSmtpSink, type SmtpSink } from "@/lib/mail/test-smtp";
import { moveThreadToChannel } from "@/lib/moderation/service";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import { submitFeedback } from "@/lib/reviews/feedback";
import { startReviewRequest } from "@/lib/reviews/service";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { deliverNotification } from "./deliver";
import { planDigests, sendDigestNow } from "./digest";
import { notifyMembers } from "./fanout";
import { readUnsubscribeToken } from "./unsubscribe";

// Review posts name their criteria through next-intl's request-scoped API: a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

/*
 * Notification e-mails end to end: the app's services create notifications, the delivery and
 * digest jobs send them to a real SMTP server started here, and what arrives is parsed. Runs on
 * PGlite, and on PostgreSQL with TEST_DATABASE_URL (the queue then uses its own pool).
 */
let smtp: SmtpSink;
let testDb: TestDb & { dataDir: string };
let camille: User;
let pro: User;
let staff: User;
let ines: User;
let yanis: User;

const BASE = "https://propulse.example";
/** Monday 7 December 2026, 14:00 in Paris: no quiet hours, and the weekly digest is due. */
const AFTERNOON = new Date("2026-12-07T13:00:00Z");
const noSend: SendJob = async () => null;

beforeAll(async () => {
  smtp = await startSmtpSink();
  testDb = await createServiceTestDb({ SMTP_URL: smtp.url, PUBLIC_URL: BASE, RATE_LIMITS: "off" });
  [camille, pro, staff, ines, yanis] = await Promise.all([
    makeUser(testDb.db, "Camille Propulseuse"),
    makeUser(testDb.db, "Paula Pro", "pro"),
    makeUser(testDb.db, "Fanny Facilitatrice", "facilitator"),
    makeUser(testDb.db, "Inès Membre"),
    makeUser(testDb.db, "Yanis Membre"),
  ]);
  // Jobs started by the queue use the real clock: no quiet hours for these members.
  for (const user of [camille, pro, staff, ines, yanis]) {
    await upsertNotificationSettings(testDb.db, { userId: user.id, quietStart: 0, quietEnd: 0 });
  }
});

afterAll(async () => {
  await testDb.close();
  await smtp.close();
});

const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);
const mailsTo = (user: User) =>
  smtp.received.filter((mail) => mail.to && "text" in mail.to && mail.to.text === user.email);

async function notificationsOf(user: User, kind?: Notification["kind"]) {
  return testDb.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), kind ? eq(notifications.kind, kind) : undefined))
    .orderBy(notifications.id);
}

async function reviewCv(author: User, reviewer: User | null, title: string) {
  const request = await startReviewRequest(
    ctxOf(author),
    {
      channelSlug: "cv",
      title,
      target: "Chargée de mission ESS",
      feedbackWanted: "La mise en page",
      letterText: undefined,
      idempotencyKey: randomUUID(),
    },
    { bytes: await makePdf(1), name: "cv.pdf" },
  );
  if (reviewer) {
    await submitFeedback(ctxOf(reviewer), {
      threadId: request.thread.id,
      scores: Object.fromEntries(
        ["readability", "fit", "achievements", "spelling"].map((criterion) => [criterion, { score: 3, comment: "" }]),
      ),
      text: "Bravo, ajoute tes missions bénévoles.",
      idempotencyKey: randomUUID(),
    });
  }
  return request.thread;
}

/** A mail client's RFC 8058 one-click POST to the URL of a `List-Unsubscribe` header: no cookie. */
async function postOneClick(listUnsubscribe: string) {
  const url = /<(https:[^>]+)>/.exec(listUnsubscribe)![1]!;
  return oneClickPost(
    new NextRequest(url, {
      method: "POST",
      body: "List-Unsubscribe=One-Click",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    }),
  );
}

/** Two app instances' queues on the test database, with short retries and no cron (tests plan by hand). */
async function startInstances(count: number): Promise<JobQueue[]> {
  const definitions = JOB_DEFINITIONS.map((definition) => ({
    ...definition,
    schedule: undefined,
    queue: { ...definition.queue, retryDelay: 1, retryBackoff: false },
  }));
  return Promise.all(
    Array.from({ length: count }, () =>
      createJobQueue({
        db: testDb.db,
        pglite: testDb.pglite,
        connectionString: testDb.url,
        definitions: definitions as typeof JOB_DEFINITIONS,
        pollingIntervalSeconds: 0.5,
      }),
    ),
  );
}

describe("an immediate notification e-mail", () => {
  it("arrives when a pro reviews Camille's CV, in French with both parts and a one-click unsubscribe that works", async () => {
    const thread = await reviewCv(camille, pro, "Mon CV pour une SCIC");
    const [notification] = await notificationsOf(camille, "review");
    expect(notification).toMatchObject({ email: "now", emailedAt: null, threadId: thread.id });

    expect(await deliverNotification(testDb.db, notification!.id, { send: noSend, now: AFTERNOON })).toBe("sent");
    const [mail] = mailsTo(camille);
    expect(mail!.subject).toBe("Paula Pro a fait un retour sur « Mon CV pour une SCIC »");
    const threadUrl = `${BASE}/c/cv/${thread.id}-${thread.slug}`;
    expect(mail!.text).toContain("Bonjour Camille Propulseuse,");
    expect(mail!.text).toContain(threadUrl);
    expect(mail!.html).toContain('<html lang="fr">');
    expect(mail!.html).toContain(`href="${threadUrl}`);
    expect(mail!.html).toContain("Lire le retour</a>");
    expect(mail!.html).not.toMatch(/<img/i);
    // The visible link (no session needed) and the one-click headers.
    const pageLink = /https:\/\/propulse\.example\/unsubscribe\?token=([\w.-]+)/.exec(mail!.text!)![1]!;
    expect(readUnsubscribeToken(pageLink)).toEqual({ scope: "review" });
    expect(mail!.html).toContain(`href="${BASE}/unsubscribe?token=${pageLink}"`);
    expect(smtp.header(mail!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const listUnsubscribe = smtp.header(mail!, "List-Unsubscribe")!;
    expect(listUnsubscribe).toMatch(/^<https:\/\/propulse\.example\/unsubscribe\/one-click\?token=[\w.-]+>$/);
    expect((await notificationsOf(camille, "review"))[0]!.emailedAt).toBeInstanceOf(Date);

    // A forged token changes nothing; the genuine one turns review e-mails off, without a session.
    const forged = listUnsubscribe.replace(/token=([\w-]+)\./, (_match, payload: string) => {
      const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
      return `token=${Buffer.from(JSON.stringify({ ...claims, s: "all" })).toString("base64url")}.`;
    });
    expect((await postOneClick(forged)).status).toBe(400);
    expect((await getNotificationSettings(testDb.db, { userId: camille.id })).delivery.review.email).toBe("now");
    expect((await postOneClick(listUnsubscribe)).status).toBe(200);
    const settings = await getNotificationSettings(testDb.db, { userId: camille.id });
    expect(settings.delivery.review.email).toBe("off");
    expect(settings.delivery.mention.email).toBe("now");

    // The next review makes no e-mail.
    await reviewCv(camille, pro, "Mon CV, version courte");
    const latest = (await notificationsOf(camille, "review")).at(-1)!;
    expect(await deliverNotification(testDb.db, latest.id, { send: noSend, now: AFTERNOON })).toBe("not_now");
    expect(mailsTo(camille)).toHaveLength(1);
  });

  it("is not sent when the recipient can no longer read the thread (moved to a staff channel)", async () => {
    const { thread } = await startThread(ctxOf(yanis), {
      channelSlug: "entraide",
      title: "Préparer un entretien en mutuelle",
      body: documentFromText("Des conseils ?"),
      idempotencyKey: randomUUID(),
    });
    await replyToThread(ctxOf(ines), {
      threadId: thread.id,
      body: documentFromText("Renseigne-toi sur le modèle mutualiste"),
      idempotencyKey: randomUUID(),
    });
    const [notification] = await notificationsOf(yanis, "reply_to_me");
    expect(notification!.email).toBe("now");
    const [staffChannel] = await testDb.db
      .insert(channels)
      .values({ slug: `equipe-${randomUUID().slice(0, 6)}`, name: "Équipe", visibility: "staff" })
      .returning();
    await moveThreadToChannel(ctxOf(staff), { threadId: thread.id, channelSlug: staffChannel!.slug });

    const before = smtp.received.length;
    expect(await deliverNotification(testDb.db, notification!.id, { send: noSend, now: AFTERNOON })).toBe(
      "not_allowed",
    );
    expect(smtp.received.length).toBe(before);
    expect((await notificationsOf(yanis, "reply_to_me"))[0]!.emailedAt).toBeNull();
  });

  it("waits for the end of quiet hours, and leaves a member who is on the site to the bell and the digest", async () => {
    const { thread } = await startThread(ctxOf(ines), {
      channelSlug: "entraide",
      title: "Contrat aidé ou CDD ?",
      body: documentFromText("Que choisir ?"),
      idempotencyKey: randomUUID(),
    });
    await replyToThread(ctxOf(yanis), {
      threadId: thread.id,
      body: documentFromText("Le CDD"),
      idempotencyKey: randomUUID(),
    });
    const [notification] = await notificationsOf(ines, "reply_to_me");
    const before = smtp.received.length;

    // 23:30 in Paris with the default quiet hours (22–8): a job for 8:00.
    await upsertNotificationSettings(testDb.db, { userId: ines.id, quietStart: 22, quietEnd: 8 });
    const postponed: unknown[] = [];
    const record: SendJob = async (...args) => (postponed.push(args), "job-id");
    const lateEvening = new Date("2026-12-07T22:30:00Z");
    expect(await deliverNotification(testDb.db, notification!.id, { send: record, now: lateEvening })).toBe(
      "postponed",
    );
    expect(postponed).toEqual([
      [
        "notification.deliver",
        { notificationId: notification!.id },
        { startAfter: new Date("2026-12-08T07:00:00Z"), singletonKey: `notification:${notification!.id}` },
      ],
    ]);
    await upsertNotificationSettings(testDb.db, { userId: ines.id, quietStart: 0, quietEnd: 0 });

    // Online: a socket in her `user:<id>` room on a real Socket.io server.
    const httpServer = createServer();
    const io = new Server(httpServer);
    io.on("connection", (socket) => void socket.join(`user:${socket.handshake.auth.userId}`));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const client = connectClient(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, {
      auth: { userId: ines.id },
      transports: ["websocket"],
    });
    await new Promise<void>((resolve) => client.on("connect", () => setTimeout(resolve, 50)));
    setIo(io as unknown as RealtimeServer);
    try {
      expect(await deliverNotification(testDb.db, notification!.id, { send: noSend, now: AFTERNOON })).toBe("online");
    } finally {
      setIo(undefined);
      client.close();
      await io.close();
    }
    expect(smtp.received.length).toBe(before);
    expect((await notificationsOf(ines, "reply_to_me"))[0]).toMatchObject({ email: "digest", emailedAt: null });
  });

  it("is retried by the queue when the mail server is down, and arrives once", async () => {
    await reviewCv(yanis, pro, "CV de Yanis");
    const [notification] = await notificationsOf(yanis, "review");
    const [queue] = await startInstances(1);
    try {
      smtp.failNext(1);
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      const jobId = await queue!.send(
        "notification.deliver",
        { notificationId: notification!.id },
        { singletonKey: `notification:${notification!.id}` },
      );
      await vi.waitFor(() => expect(mailsTo(yanis)).toHaveLength(1), { timeout: 15_000, interval: 200 });
      await vi.waitFor(
        async () =>
          expect(await queue!.boss.getJobById("notification.deliver", jobId!)).toMatchObject({ state: "completed" }),
        { timeout: 5_000 },
      );
      expect(await queue!.boss.getJobById("notification.deliver", jobId!)).toMatchObject({ retryCount: 1 });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("failed (attempt 1, will retry)"));
      logged.mockRestore();
    } finally {
      await queue!.stop();
    }
    expect((await notificationsOf(yanis, "review"))[0]!.emailedAt).toBeInstanceOf(Date);
    expect(mailsTo(yanis)[0]!.subject).toBe("Paula Pro a fait un retour sur « CV de Yanis »");
  });
});

describe("the digest", () => {
  it("lists what the member missed once, with both parts, even when it runs twice", async () => {
    // Inès missed: a reply left to the digest while she was online (above), a new offer for her
    // saved search, and a request waiting for a first review. Not listed: what she read, and a
    // thread moved where she cannot read.
    const { thread: offerThread } = await startThread(ctxOf(pro), {
      channelSlug: "entraide",
      title: "Chargée d'accompagnement à Lyon",
      body: documentFromText("Une offre"),
      idempotencyKey: randomUUID(),
    });
    await notifyMembers(testDb.db, {
      type: "offer_match",
      userIds: [ines.id],
      actorId: pro.id,
      threadId: offerThread.id,
    });
    await notifyMembers(testDb.db, {
      type: "offer_match",
      userIds: [ines.id],
      actorId: pro.id,
      threadId: offerThread.id,
    });
    const read = (await notificationsOf(ines, "offer_match")).at(-1)!;
    await testDb.db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, read.id));
    const { thread: hidden } = await startThread(ctxOf(yanis), {
      channelSlug: "entraide",
      title: "Un fil qui partira chez l'équipe",
      body: documentFromText("…"),
      idempotencyKey: randomUUID(),
    });
    await notifyMembers(testDb.db, { type: "watching", userIds: [ines.id], actorId: yanis.id, threadId: hidden.id });
    const [staffChannel] = await testDb.db
      .insert(channels)
      .values({ slug: `equipe-${randomUUID().slice(0, 6)}`, name: "Équipe", visibility: "staff" })
      .returning();
    await moveThreadToChannel(ctxOf(staff), { threadId: hidden.id, channelSlug: staffChannel!.slug });
    const waiting = await reviewCv(yanis, null, "Premier CV de Yanis, sans retour");

    expect(await sendDigestNow(ines.id, "2026-W50")).toBe("sent");
    expect(await sendDigestNow(ines.id, "2026-W50")).toBe("already");
    const digests = mailsTo(ines);
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest!.subject).toBe("Votre semaine sur Pro'pulse : 3 nouveautés");
    for (const part of [digest!.text!, digest!.html as string]) {
      expect(part).toContain("Yanis Membre vous a répondu dans « Contrat aidé ou CDD ? »");
      expect(part).toContain("Chargée d");
      expect(part).toContain("Premier CV de Yanis, sans retour");
      expect(part).not.toContain("Un fil qui partira chez l");
    }
    expect(digest!.text).toContain(`${BASE}/c/cv/${waiting.id}-${waiting.slug}`);
    expect(digest!.html).toContain("<h2");
    expect(digest!.html).toContain("CV et lettres qui attendent un premier retour");
    // Listed notifications are e-mailed; the read one and the unreadable one are not.
    const rows = await notificationsOf(ines);
    expect(
      rows
        .filter((row) => row.emailedAt)
        .map((row) => row.kind)
        .sort(),
    ).toEqual(["offer_match", "reply_to_me"]);
    const [delivery] = await testDb.db
      .select()
      .from(digestDeliveries)
      .where(and(eq(digestDeliveries.userId, ines.id), eq(digestDeliveries.period, "2026-W50")));
    expect(delivery).toMatchObject({ itemCount: 3, sentAt: expect.any(Date) });

    // Its one-click link stops the digest only.
    expect((await postOneClick(smtp.header(digest!, "List-Unsubscribe")!)).status).toBe(200);
    const settings = await getNotificationSettings(testDb.db, { userId: ines.id });
    expect(settings.digest).toBe("never");
    expect(settings.delivery.reply_to_me.email).toBe("now");
    await upsertNotificationSettings(testDb.db, { userId: ines.id, digest: "weekly" });
  });

  it("is sent once when two app instances plan it at the same time", async () => {
    const { thread } = await startThread(ctxOf(yanis), {
      channelSlug: "entraide",
      title: "Bénévolat et CV",
      body: documentFromText("Comment le présenter ?"),
      idempotencyKey: randomUUID(),
    });
    await notifyMembers(testDb.db, { type: "watching", userIds: [staff.id], actorId: yanis.id, threadId: thread.id });
    const instances = await startInstances(2);
    const nextMonday = new Date("2026-12-14T08:30:00Z"); // 9:30 in Paris: week 51 is due
    const everyone = [camille, pro, staff, ines, yanis];
    try {
      // Both instances plan at once: each member's job is enqueued once (the other finds it there).
      const planned = await Promise.all(
        instances.map((queue) => planDigests(testDb.db, { send: queue.send, now: nextMonday })),
      );
      expect(planned[0]! + planned[1]!).toBe(everyone.length);
      await vi.waitFor(
        async () => {
          const rows = await testDb.db.select().from(digestDeliveries).where(eq(digestDeliveries.period, "2026-W51"));
          expect(rows.filter((row) => row.sentAt)).toHaveLength(everyone.length);
        },
        { timeout: 15_000, interval: 200 },
      );
      // Plan again (an hour later, a restart): nothing is enqueued, even past the delivery rows.
      expect(await planDigests(testDb.db, { send: instances[1]!.send, now: nextMonday })).toBe(0);
      await testDb.db.update(digestDeliveries).set({ sentAt: null }).where(eq(digestDeliveries.userId, camille.id));
      expect(await planDigests(testDb.db, { send: instances[0]!.send, now: nextMonday })).toBe(0);
      await testDb.db
        .update(digestDeliveries)
        .set({ sentAt: new Date() })
        .where(eq(digestDeliveries.userId, camille.id));
      const jobs = await testDb.db.execute<{ count: number }>(
        sql`select count(*)::int as count from pgboss.job where singleton_key = ${`digest:${staff.id}:2026-W51`}`,
      );
      expect(jobs.rows[0]!.count).toBe(1);
      // Let both instances poll a few more times: nothing else is sent.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      await Promise.all(instances.map((queue) => queue.stop()));
    }
    // What staff missed, and the CV still waiting for a first review: in one mail.
    expect(mailsTo(staff).map((mail) => mail.subject)).toEqual(["Votre semaine sur Pro'pulse : 2 nouveautés"]);
    expect(mailsTo(staff)[0]!.text).toContain("Yanis Membre a répondu dans « Bénévolat et CV »");
    expect(mailsTo(staff)[0]!.text).toContain("Premier CV de Yanis, sans retour");
  });

  it("that fails halfway (mail server down) is retried and sent once", async () => {
    const { thread } = await startThread(ctxOf(yanis), {
      channelSlug: "entraide",
      title: "Salons de l'ESS",
      body: documentFromText("Qui y va ?"),
      idempotencyKey: randomUUID(),
    });
    await notifyMembers(testDb.db, { type: "watching", userIds: [pro.id], actorId: yanis.id, threadId: thread.id });
    const earlier = mailsTo(pro).length;
    const [queue] = await startInstances(1);
    try {
      smtp.failNext(1);
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      await queue!.send(
        "digest.send",
        { userId: pro.id, period: "2026-12-08" },
        { singletonKey: `digest:${pro.id}:2026-12-08` },
      );
      await vi.waitFor(() => expect(mailsTo(pro)).toHaveLength(earlier + 1), { timeout: 15_000, interval: 200 });
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/digest\.send .* failed \(attempt 1, will retry\)/));
      logged.mockRestore();
      await vi.waitFor(async () => expect(await sendDigestNow(pro.id, "2026-12-08")).toBe("already"));
    } finally {
      await queue!.stop();
    }
    const sent = mailsTo(pro).slice(earlier);
    // The reply, and the CV still waiting for a first review.
    expect(sent.map((mail) => mail.subject)).toEqual(["Votre journée sur Pro'pulse : 2 nouveautés"]);
    expect(sent[0]!.text).toContain("Yanis Membre a répondu dans « Salons de l'ESS »");
  });
});

describe("a member on the site", () => {
  it("is left to the bell and the digest from the start when its recipient has the site open", async () => {
    // Her own account, last in the file: the digest tests count every member.
    const nadia = await makeUser(testDb.db, "Nadia Membre");
    await upsertNotificationSettings(testDb.db, { userId: nadia.id, quietStart: 0, quietEnd: 0 });
    const { thread } = await startThread(ctxOf(nadia), {
      channelSlug: "entraide",
      title: "Un entretien demain",
      body: documentFromText("Des conseils ?"),
      idempotencyKey: randomUUID(),
    });
    const httpServer = createServer();
    const io = new Server(httpServer);
    io.on("connection", (socket) => void socket.join(`user:${socket.handshake.auth.userId}`));
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const client = connectClient(`http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`, {
      auth: { userId: nadia.id },
      transports: ["websocket"],
    });
    await new Promise<void>((resolve) => client.on("connect", () => setTimeout(resolve, 50)));
    setIo(io as unknown as RealtimeServer);
    try {
      await replyToThread(ctxOf(yanis), {
        threadId: thread.id,
        body: documentFromText("Respire, et relis l'offre."),
        idempotencyKey: randomUUID(),
      });
    } finally {
      setIo(undefined);
      client.close();
      await io.close();
    }
    const mine = (await notificationsOf(nadia, "reply_to_me")).filter((row) => row.threadId === thread.id);
    // Made as "digest" (no delivery job would send it), and in her bell.
    expect(mine).toEqual([expect.objectContaining({ inBell: true, email: "digest", push: false, emailedAt: null })]);
  });
});
