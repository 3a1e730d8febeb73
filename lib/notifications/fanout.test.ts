import { randomUUID } from "node:crypto";
import { setBlocked } from "@/lib/messages/control";
import { desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { channels, notifications, threadFollows, users, type User } from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, documentFromText, documentWithMentions, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { contextFor } from "@/lib/context";
import { acceptAnswer } from "@/lib/questions/service";
import { replyToThread, startThread } from "@/lib/forum/service";
import { moveThreadToChannel, setPostVisibility } from "@/lib/moderation/service";
import { setIo, type RealtimeServer } from "@/lib/realtime/io";
import type { NotificationTranslate } from "./describe";
import { countMyUnread, followChannel, followThread, listMyNotifications, markMyNotificationsRead } from "./service";

// Messages need a request scope in Next; here a key stands for its text.
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let testDb: TestDb & { dataDir: string };
let statements: string[] = [];
let alice: User;
let bob: User;
let carla: User;
let staff: User;
let pro: User;

/** The rooms `notifications:changed` was sent to (a stand-in for the Socket.io server). */
const changedRooms: string[] = [];
const fakeIo = {
  to: (rooms: string | string[]) => ({
    emit: (event: string) => {
      if (event === "notifications:changed") changedRooms.push(...[rooms].flat());
    },
  }),
  // Nobody has the site open.
  in: () => ({ fetchSockets: async () => [] }),
} as unknown as RealtimeServer;

const t: NotificationTranslate = (key, values) => `${key}${values ? JSON.stringify(values) : ""}`;

beforeAll(async () => {
  testDb = await createServiceTestDb({ RATE_LIMITS: "off" }, { onQuery: (sql) => statements.push(sql) });
  [alice, bob, carla, pro] = await Promise.all([
    makeUser(testDb.db, "Alice Martin"),
    makeUser(testDb.db, "Bob Durand"),
    makeUser(testDb.db, "Carla Diaz"),
    makeUser(testDb.db, "Paul Pro", "pro"),
  ]);
  staff = await makeUser(testDb.db, "Fanny Facilitatrice", "facilitator");
  setIo(fakeIo);
});
afterAll(async () => {
  setIo(undefined);
  await testDb.close();
});

const ctxOf = (user: User) => contextFor(actorOf(user), testDb.db);
const key = () => randomUUID();

async function notificationsOf(user: User) {
  return testDb.db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, user.id))
    .orderBy(desc(notifications.id));
}

async function newThread(author: User, title: string, channelSlug = "entraide", isQuestion = false) {
  return startThread(ctxOf(author), {
    channelSlug,
    title,
    body: documentFromText(`${title} : le détail`),
    idempotencyKey: key(),
    isQuestion,
  });
}

async function reply(author: User, threadId: number, text: string, replyToId?: number) {
  return replyToThread(ctxOf(author), { threadId, body: documentFromText(text), replyToId, idempotencyKey: key() });
}

describe("a new reply", () => {
  it("tells the thread's author and its followers once each, never the one who wrote it", async () => {
    const { thread } = await newThread(alice, "Mon CV pour une SCOP");
    await reply(carla, thread.id, "Je suis ce fil");
    changedRooms.length = 0;
    const { post } = await reply(bob, thread.id, "Ajoute tes missions bénévoles");

    expect((await notificationsOf(alice)).filter((row) => row.postId === post.id)).toMatchObject([
      { kind: "reply_to_me", actorId: bob.id },
    ]);
    // Carla replied earlier: she follows the thread at `watching`.
    expect((await notificationsOf(carla))[0]).toMatchObject({ kind: "watching", postId: post.id });
    expect((await notificationsOf(bob)).filter((row) => row.postId === post.id)).toEqual([]);
    expect(new Set(changedRooms)).toEqual(new Set([`user:${alice.id}`, `user:${carla.id}`]));
  });

  it("gives a mention the stronger type, and nothing to a member who muted the thread", async () => {
    const { thread } = await newThread(alice, "Entretien dans une association");
    await reply(carla, thread.id, "Bonne chance");
    await followThread(ctxOf(carla), { threadId: thread.id, level: "muted" });
    const { post } = await replyToThread(ctxOf(bob), {
      threadId: thread.id,
      body: documentWithMentions("tu en penses quoi ?", [
        { id: carla.id, label: carla.name },
        { id: pro.id, label: pro.name },
      ]),
      idempotencyKey: key(),
    });
    expect((await notificationsOf(pro))[0]).toMatchObject({ kind: "mention", postId: post.id });
    expect((await notificationsOf(carla)).some((row) => row.postId === post.id)).toBe(false);
  });

  it("tells nothing of a mention by someone the member blocked (others still hear it)", async () => {
    const { thread } = await newThread(alice, "Mention par une personne bloquée");
    await setBlocked(ctxOf(carla), { userId: bob.id, blocked: true });
    const { post } = await replyToThread(ctxOf(bob), {
      threadId: thread.id,
      body: documentWithMentions("regarde ça", [
        { id: carla.id, label: carla.name },
        { id: pro.id, label: pro.name },
      ]),
      idempotencyKey: key(),
    });
    expect((await notificationsOf(carla)).some((row) => row.postId === post.id)).toBe(false);
    expect((await notificationsOf(pro))[0]).toMatchObject({ kind: "mention", postId: post.id });
    await setBlocked(ctxOf(carla), { userId: bob.id, blocked: false });
  });

  it("tells a reply's own author when someone answers their post, even in a thread they set to normal", async () => {
    const { thread } = await newThread(alice, "Une question sur les contrats aidés");
    const { post: carlaPost } = await reply(carla, thread.id, "Moi aussi je me demande");
    await followThread(ctxOf(carla), { threadId: thread.id, level: "normal" });
    const { post: answer } = await reply(bob, thread.id, "Regarde le PEC", carlaPost.id);
    expect((await notificationsOf(carla))[0]).toMatchObject({ kind: "reply_to_me", postId: answer.id });
    const { post: other } = await reply(bob, thread.id, "Et aussi l'alternance");
    expect((await notificationsOf(carla)).some((row) => row.postId === other.id)).toBe(false);
  });

  it("says what a reply means in the thread's kind: a pro answering a question", async () => {
    const { thread } = await newThread(alice, "Quel salaire demander ?", "entraide", true);
    const { post } = await reply(pro, thread.id, "Regardez la convention collective");
    expect((await notificationsOf(alice))[0]).toMatchObject({ kind: "answer", postId: post.id });

    await acceptAnswer(ctxOf(alice), { postId: post.id });
    expect((await notificationsOf(pro))[0]).toMatchObject({ kind: "answer", payload: { accepted: true } });
  });

  it("writes the notifications of 300 followers in one INSERT", async () => {
    const { thread } = await newThread(alice, "Un fil très suivi");
    const followers = await testDb.db
      .insert(users)
      .values(
        Array.from({ length: 300 }, (_, index) => ({
          name: `Suiveur ${index}`,
          email: `suiveur-${index}-${key()}@example.org`,
          passwordHash: "x",
        })),
      )
      .returning({ id: users.id });
    await testDb.db
      .insert(threadFollows)
      .values(followers.map((follower) => ({ userId: follower.id, threadId: thread.id, level: "watching" as const })));
    statements = [];
    const { post } = await reply(bob, thread.id, "Et voilà");
    const inserts = statements.filter((sql) => /^insert into "notifications"/i.test(sql.trim()));
    expect(inserts).toHaveLength(1);
    const rows = await testDb.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.postId, post.id));
    expect(rows).toHaveLength(301);
  });
});

describe("channels", () => {
  it("a channel watched by default tells every member of a new thread, except who muted it", async () => {
    await followChannel(ctxOf(carla), { channelSlug: "programme", level: "muted" });
    const { thread } = await newThread(staff, "Atelier LinkedIn jeudi", "programme");
    const told = await testDb.db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.threadId, thread.id));
    const ids = told.map((row) => row.userId);
    expect(ids).toEqual(expect.arrayContaining([alice.id, bob.id, pro.id]));
    expect(ids).not.toContain(carla.id);
    expect(ids).not.toContain(staff.id);
    expect(new Set(told.map((row) => row.kind))).toEqual(new Set(["watching"]));
  });
});

describe("delivery", () => {
  it("hides a notification once its thread moved where the recipient cannot read", async () => {
    const { thread } = await newThread(alice, "Fil qui va partir");
    await reply(bob, thread.id, "Un message");
    const before = await countMyUnread(ctxOf(alice));
    const page = await listMyNotifications(ctxOf(alice), { t });
    expect(page.items.some((item) => item.path.includes(`/${thread.id}-`))).toBe(true);

    const [staffChannel] = await testDb.db
      .insert(channels)
      .values({ slug: `equipe-${key().slice(0, 6)}`, name: "Équipe", visibility: "staff" })
      .returning();
    await moveThreadToChannel(ctxOf(staff), { threadId: thread.id, channelSlug: staffChannel!.slug });

    const after = await listMyNotifications(ctxOf(alice), { t });
    expect(after.items.some((item) => item.path.includes(`/${thread.id}-`))).toBe(false);
    expect(await countMyUnread(ctxOf(alice))).toBe(before - 1);
  });

  it("groups unread replies of one thread into one line that links to the first of them", async () => {
    const { thread } = await newThread(alice, "Relisez ma lettre");
    const { post: first } = await reply(bob, thread.id, "Première remarque");
    await reply(carla, thread.id, "Deuxième remarque");
    await reply(bob, thread.id, "Troisième remarque");
    const { items } = await listMyNotifications(ctxOf(alice), { t });
    const line = items.find((item) => item.path.includes(`/${thread.id}-`))!;
    expect(line.ids).toHaveLength(3);
    expect(line.path).toContain(`?post=${first.number}#p${first.number}`);
    // The newest author and one other person.
    expect(line.text).toContain('"others":1');
    expect(line.text).toContain(bob.name);
  });

  it("marks read by line, by thread read up to a post, or all, and only the member's own", async () => {
    const { thread } = await newThread(alice, "Un fil à lire");
    const { post: one } = await reply(bob, thread.id, "un");
    await reply(bob, thread.id, "deux");
    // Bob cannot mark Alice's notifications read.
    const aliceRows = await notificationsOf(alice);
    await markMyNotificationsRead(ctxOf(bob), { ids: aliceRows.map((row) => row.id) });
    expect((await notificationsOf(alice)).filter((row) => row.readAt === null).length).toBe(
      aliceRows.filter((row) => row.readAt === null).length,
    );
    // Reading the thread up to the first reply leaves the second unread.
    await markMyNotificationsRead(ctxOf(alice), { threadId: thread.id, upToPostNumber: one.number });
    const ofThread = (await notificationsOf(alice)).filter((row) => row.threadId === thread.id);
    expect(ofThread.map((row) => row.readAt === null)).toEqual([true, false]);
    await markMyNotificationsRead(ctxOf(alice), { all: true });
    expect(await countMyUnread(ctxOf(alice))).toBe(0);
  });

  it("tells an author why a moderator hid their post", async () => {
    const { thread } = await newThread(alice, "Fil modéré");
    const { post } = await reply(bob, thread.id, "Un message hors sujet");
    await setPostVisibility(ctxOf(staff), { postId: post.id, hidden: true, reason: "Hors sujet" });
    const [row] = await testDb.db
      .select()
      .from(notifications)
      .where(inArray(notifications.userId, [bob.id]))
      .orderBy(desc(notifications.id))
      .limit(1);
    expect(row).toMatchObject({ kind: "moderation", postId: post.id, payload: { reason: "Hors sujet" } });
    // Bob, its author, still sees the line (his own hidden post); Alice's reply line for it is gone.
    const bobLines = await listMyNotifications(ctxOf(bob), { t });
    expect(bobLines.items[0]!.text).toContain("Hors sujet");
    const aliceLines = await listMyNotifications(ctxOf(alice), { t });
    expect(
      aliceLines.items.some(
        (item) => item.path.includes(`post=${post.number}`) && item.path.includes(`/${thread.id}-`),
      ),
    ).toBe(false);
  });
});
