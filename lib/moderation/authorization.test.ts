/**
 * The authorization matrix: every action × every kind of account, through the real service
 * functions that the server actions and the JSON API call (not the permission helpers alone).
 * Each cell builds its own target, so cells are independent; refusals must be AppErrors and
 * must leave the target unchanged.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "@/db/queries/admission";
import { createProRequest } from "@/db/queries/pros";
import { createReply } from "@/db/queries/posts";
import { createThread } from "@/db/queries/threads";
import {
  outcomes,
  cohorts,
  cohortMembers,
  dataExports,
  networkSources,
  posts,
  surveys,
  threads,
  users,
  type User,
  type UserRole,
  type UserStatus,
} from "@/db/schema";
import { createServiceTestDb } from "@/db/service-testing";
import { actorOf, channelId, documentFromText, makeUser } from "@/db/test-factories";
import type { TestDb } from "@/db/testing";
import { createInvitationLink, decideAdmissionRequest } from "@/lib/admission/service";
import { AppError } from "@/lib/errors";
import { editPost, readThreadPage, removePost, replyToThread, startThread } from "@/lib/forum/service";
import type { Actor } from "@/lib/permissions";
import { decideProStatus, browsePros } from "@/lib/pros/service";
import { acceptAnswer, listQuestionsToAnswer } from "@/lib/questions/service";
import {
  editChannel,
  listReports,
  moveThreadToChannel,
  readAuditLog,
  reportPost,
  setPostVisibility,
  setThreadLocked,
  setThreadPinned,
} from "./service";
import { changeMemberRole, suspendMember } from "./users";
import { eraseMemberAccount, eraseMyAccount } from "@/lib/data-ownership/erasure";
import { listMyExports, readMyExport } from "@/lib/data-ownership/export";
import { getStorage } from "@/lib/storage";
import { replyRow, threadRow } from "@/lib/forum/content";
import {
  conversationMessageFiles,
  conversationMessageReactions,
  conversationMessages,
  conversationParticipants,
  storedFiles,
} from "@/db/schema";
import { createConversation } from "@/db/queries/conversations";
import { attachFileToMessage } from "@/db/queries/message-extras";
import { readMessageFile, sendMessageWithFile } from "@/lib/messages/attachments";
import { addPeopleToConversation } from "@/lib/messages/groups";
import { reactToMessage } from "@/lib/messages/reactions";
import { signalTyping } from "@/lib/messages/typing";
import { makePdf } from "@/lib/uploads/test-pdfs";
import { insertMessage } from "@/db/queries/messages";
import {
  editMessage,
  listMyConversations,
  listNewMessages,
  readConversation,
  sendMessage,
  startConversation,
} from "@/lib/messages/service";
import { listMessageReports } from "@/lib/messages/reports";
import { contextFor } from "@/lib/context";
import { zonedDate } from "@/lib/domain/rhythm";
import { createCohort, placeMember } from "@/lib/impact/cohorts";
import { exportImpactCsv, impactTables } from "@/lib/impact/export";
import { getImpactDashboard, savePositiveRule } from "@/lib/impact/service";
import { answerSurvey } from "@/lib/outcomes/survey";
import { declareOutcome, withdrawOutcome } from "@/lib/outcomes/service";
import { followCommunity, unfollowCommunity } from "@/lib/network/service";
import { getSettings } from "@/db/queries/settings";
import { replaceLogo, updateBranding } from "@/lib/branding/service";
import { channels } from "@/db/schema";
import { exportTemplate } from "@/lib/programme/apply";
import { applyProgrammeImport, exportProgramme, previewProgrammeImport } from "./programme";
import { signPreview } from "./programme-token";
import { getHelpPageById, insertHelpPage } from "@/db/queries/help-pages";
import { helpContent } from "@/lib/help/content";
import { createHelpPage, deleteHelpPage, readHelpPage, updateHelpPage } from "@/lib/help/service";

type AccountKind = "anonymous" | "pending" | "member" | "pro" | "facilitator" | "admin" | "suspended";
const ACCOUNTS: AccountKind[] = ["anonymous", "pending", "member", "pro", "facilitator", "admin", "suspended"];

let testDb: TestDb;
let owner: User;
const actors = new Map<AccountKind, Actor>();

async function makeAccount(kind: Exclude<AccountKind, "anonymous">): Promise<Actor> {
  const role: UserRole = kind === "pro" || kind === "facilitator" || kind === "admin" ? kind : "member";
  const status: UserStatus = kind === "pending" || kind === "suspended" ? kind : "active";
  const user = await makeUser(testDb.db, `Compte ${kind}`, role);
  if (status !== "active") await testDb.db.update(users).set({ status }).where(eq(users.id, user.id));
  return actorOf({ ...user, status });
}

async function threadIn(slug: string, kind: "discussion" | "question" = "discussion") {
  const { thread, postId } = await createThread(
    testDb.db,
    threadRow({
      channelId: await channelId(testDb.db, slug),
      authorId: owner.id,
      title: `Fil dans ${slug}`,
      body: documentFromText("Ouverture"),
      kind,
    }),
  );
  return { threadId: thread.id, openingId: postId };
}

async function replyByOwner(threadId: number) {
  const result = await createReply(
    testDb.db,
    replyRow({
      threadId,
      authorId: owner.id,
      body: documentFromText("Réponse de la propriétaire"),
    }),
  );
  if (!result.ok) throw new Error("reply failed");
  return result.post;
}

/** A help page of its own for one cell (a unique address). */
async function helpPage(audience: "member" | "facilitator") {
  const page = await insertHelpPage(testDb.db, {
    slug: `aide-${randomUUID().slice(0, 8)}`,
    audience,
    title: "Une page d'aide",
    content: helpContent(documentFromText("Le texte de la page.")),
    position: 0,
    updatedById: null,
  });
  return page!;
}

async function postRow(postId: number) {
  const [row] = await testDb.db.select().from(posts).where(eq(posts.id, postId));
  return row!;
}

/** Runs an action and tells whether it was allowed; anything but an AppError is a test failure. */
async function attempt(run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(["not_found", "unauthenticated", "forbidden"]).toContain(error.code);
    return false;
  }
}

const everyone = {
  anonymous: true,
  pending: true,
  member: true,
  pro: true,
  facilitator: true,
  admin: true,
  suspended: false,
};
const activeMembers = {
  anonymous: false,
  pending: false,
  member: true,
  pro: true,
  facilitator: true,
  admin: true,
  suspended: false,
};
const staff = {
  anonymous: false,
  pending: false,
  member: false,
  pro: false,
  facilitator: true,
  admin: true,
  suspended: false,
};
const adminsOnly = {
  anonymous: false,
  pending: false,
  member: false,
  pro: false,
  facilitator: false,
  admin: true,
  suspended: false,
};
const nobody = {
  anonymous: false,
  pending: false,
  member: false,
  pro: false,
  facilitator: false,
  admin: false,
  suspended: false,
};

type Row = {
  action: string;
  expected: Record<AccountKind, boolean>;
  /** Builds the target, runs the action as `actor`; `check` runs after a refusal (row unchanged). */
  run: (actor: Actor) => Promise<{ allowed: boolean; check?: () => Promise<void> }>;
};

const simple = (action: string, expected: Row["expected"], run: (actor: Actor) => Promise<unknown>): Row => ({
  action,
  expected,
  run: async (actor) => ({ allowed: await attempt(() => run(actor)) }),
});

const MATRIX: Row[] = [
  simple("read a public channel (offres)", everyone, async (actor) =>
    readThreadPage(contextFor(actor), { threadId: (await threadIn("offres")).threadId }),
  ),
  simple("read a members channel (entraide)", activeMembers, async (actor) =>
    readThreadPage(contextFor(actor), { threadId: (await threadIn("entraide")).threadId }),
  ),
  simple("read a review channel (cv)", activeMembers, async (actor) =>
    readThreadPage(contextFor(actor), { threadId: (await threadIn("cv")).threadId }),
  ),
  simple("read the pitch channel", activeMembers, async (actor) =>
    readThreadPage(contextFor(actor), { threadId: (await threadIn("pitch")).threadId }),
  ),
  simple("start a thread", activeMembers, (actor) =>
    startThread(contextFor(actor), {
      channelSlug: "entraide",
      title: "Un nouveau fil",
      body: documentFromText("Bonjour"),
    }),
  ),
  simple("reply to a thread", activeMembers, async (actor) =>
    replyToThread(contextFor(actor), {
      threadId: (await threadIn("entraide")).threadId,
      body: documentFromText("Réponse"),
    }),
  ),
  {
    action: "edit another member's post (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const post = await replyByOwner((await threadIn("entraide")).threadId);
      const allowed = await attempt(() =>
        editPost(contextFor(actor), { postId: post.id, body: documentFromText("Réécrit"), expectedVersion: 1 }),
      );
      return {
        allowed,
        check: async () => expect((await postRow(post.id)).bodyText).toBe("Réponse de la propriétaire"),
      };
    },
  },
  {
    action: "delete another member's post (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const post = await replyByOwner((await threadIn("entraide")).threadId);
      const allowed = await attempt(() => removePost(contextFor(actor), { postId: post.id }));
      return { allowed, check: async () => expect((await postRow(post.id)).deletedAt).toBeNull() };
    },
  },
  simple("report a post", activeMembers, async (actor) =>
    reportPost(contextFor(actor), {
      postId: (await replyByOwner((await threadIn("entraide")).threadId)).id,
      reason: "Hors sujet",
    }),
  ),
  {
    action: "hide a post",
    expected: staff,
    run: async (actor) => {
      const post = await replyByOwner((await threadIn("entraide")).threadId);
      const allowed = await attempt(() =>
        setPostVisibility(contextFor(actor), { postId: post.id, hidden: true, reason: "Propos déplacés" }),
      );
      return { allowed, check: async () => expect((await postRow(post.id)).hiddenAt).toBeNull() };
    },
  },
  {
    action: "lock a thread",
    expected: staff,
    run: async (actor) => {
      const { threadId } = await threadIn("entraide");
      const allowed = await attempt(() => setThreadLocked(contextFor(actor), { threadId, value: true }));
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(threads).where(eq(threads.id, threadId)))[0]!.isLocked).toBe(false),
      };
    },
  },
  simple("pin a thread", staff, async (actor) =>
    setThreadPinned(contextFor(actor), { threadId: (await threadIn("entraide")).threadId, value: true }),
  ),
  {
    action: "move a thread",
    expected: staff,
    run: async (actor) => {
      const { threadId } = await threadIn("entraide");
      const allowed = await attempt(() =>
        moveThreadToChannel(contextFor(actor), { threadId, channelSlug: "programme" }),
      );
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(threads).where(eq(threads.id, threadId)))[0]!.channelId).toBe(
            await channelId(testDb.db, "entraide"),
          ),
      };
    },
  },
  simple("edit a channel", staff, (actor) =>
    editChannel(contextFor(actor), {
      slug: "programme",
      name: "Vie du programme",
      description: "Actualités",
      rules: "Bienveillance",
    }),
  ),
  {
    action: "suspend a member",
    expected: staff,
    run: async (actor) => {
      const target = await makeUser(testDb.db, "Cible");
      const allowed = await attempt(() =>
        suspendMember(contextFor(actor), { userId: target.id, reason: "Spam répété" }),
      );
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(users).where(eq(users.id, target.id)))[0]!.status).toBe("active"),
      };
    },
  },
  {
    action: "approve a pro request",
    expected: staff,
    run: async (actor) => {
      const applicant = await makeUser(testDb.db, "Future pro");
      const request = await createProRequest(testDb.db, {
        userId: applicant.id,
        organisation: "Coop",
        jobTitle: "RH",
        proofUrl: "https://example.org",
        expertise: ["RH"],
      });
      const allowed = await attempt(() =>
        decideProStatus(contextFor(actor), { requestId: request!.id, approve: true }),
      );
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(users).where(eq(users.id, applicant.id)))[0]!.role).toBe("member"),
      };
    },
  },
  {
    action: "approve a member (admission)",
    expected: staff,
    run: async (actor) => {
      const created = await createAccount(testDb.db, {
        name: "Candidate",
        email: `candidate-${crypto.randomUUID()}@example.org`,
        passwordHash: "x",
        isOpen: false,
        answers: [{ question: "Diplôme ?", answer: "Master ESS" }],
      });
      if (created.kind !== "created") throw new Error("account not created");
      const allowed = await attempt(() =>
        decideAdmissionRequest(contextFor(actor), { userId: created.user.id, approve: true }),
      );
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(users).where(eq(users.id, created.user.id)))[0]!.status).toBe(
            "pending",
          ),
      };
    },
  },
  simple("create an invitation link", staff, (actor) =>
    createInvitationLink(contextFor(actor), { maxUses: 1, expiresInDays: 7, note: "" }),
  ),
  {
    action: "change a role",
    expected: adminsOnly,
    run: async (actor) => {
      const target = await makeUser(testDb.db, "Promue");
      const allowed = await attempt(() =>
        changeMemberRole(contextFor(actor), { userId: target.id, role: "facilitator" }),
      );
      return {
        allowed,
        check: async () =>
          expect((await testDb.db.select().from(users).where(eq(users.id, target.id)))[0]!.role).toBe("member"),
      };
    },
  },
  simple("read the audit log", staff, (actor) => readAuditLog(contextFor(actor))),
  simple("read the reports queue", staff, (actor) => listReports(contextFor(actor))),
  simple("accept an answer on someone else's question", staff, async (actor) => {
    const { threadId } = await threadIn("entraide", "question");
    return acceptAnswer(contextFor(actor), { postId: (await replyByOwner(threadId)).id });
  }),
  simple("browse the pro directory", activeMembers, (actor) => browsePros(contextFor(actor))),
  simple("list questions to answer", activeMembers, (actor) => listQuestionsToAnswer(contextFor(actor))),
  {
    action: "erase another member's account (on request, audited)",
    expected: staff,
    run: async (actor) => {
      const target = await makeUser(testDb.db, "À effacer");
      const allowed = await attempt(() =>
        eraseMemberAccount(contextFor(actor), { userId: target.id, reason: "Demande écrite", posts: "anonymise" }),
      );
      return {
        allowed,
        check: async () => {
          const [row] = await testDb.db.select().from(users).where(eq(users.id, target.id));
          expect(row).toMatchObject({ name: "À effacer", email: target.email, erasedAt: null });
        },
      };
    },
  },
  simple("erase one's own account with a wrong password", nobody, (actor) =>
    eraseMyAccount(contextFor(actor), { password: "wrong", posts: "anonymise" }).catch((error: unknown) => {
      // A wrong password is a refusal the form shows beside the field.
      if (error instanceof AppError && error.code === "bad_request") throw new AppError("forbidden");
      throw error;
    }),
  ),
  simple("list one's own data exports", { ...activeMembers, pending: true }, (actor) =>
    listMyExports(contextFor(actor)),
  ),
  simple("download another member's data export (guessed id)", nobody, async (actor) => {
    // A real archive in storage: only the ownership check can refuse it.
    const storageKey = `exports/${crypto.randomUUID()}`;
    await getStorage().put(storageKey, new Uint8Array([80, 75, 5, 6]), "application/zip");
    const [row] = await testDb.db
      .insert(dataExports)
      .values({ userId: owner.id, status: "ready", storageKey, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();
    expect((await readMyExport(contextFor(actorOf(owner)), { id: row!.id })).bytes.byteLength).toBe(4);
    return readMyExport(contextFor(actor), { id: row!.id });
  }),
  simple("start a private conversation", activeMembers, (actor) =>
    startConversation(contextFor(actor), {
      participantIds: [owner.id],
      body: documentFromText("Bonjour"),
      idempotencyKey: randomUUID(),
    }),
  ),
  simple("read the reported private messages", staff, (actor) => listMessageReports(contextFor(actor))),
  simple("list one's private conversations", activeMembers, (actor) => listMyConversations(contextFor(actor), {})),
  simple("read others' private conversation (guessed id)", nobody, async (actor) =>
    readConversation(contextFor(actor), { conversationId: await othersConversation() }),
  ),
  simple("catch up on others' private conversation (guessed id)", nobody, async (actor) =>
    listNewMessages(contextFor(actor), { conversationId: await othersConversation(), after: 0 }),
  ),
  {
    action: "write in others' private conversation (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const conversationId = await othersConversation();
      const allowed = await attempt(() =>
        sendMessage(contextFor(actor), {
          conversationId,
          body: documentFromText("Intrusion"),
          idempotencyKey: randomUUID(),
        }),
      );
      return {
        allowed,
        check: async () =>
          expect(
            await testDb.db
              .select()
              .from(conversationMessages)
              .where(eq(conversationMessages.conversationId, conversationId)),
          ).toHaveLength(1),
      };
    },
  },
  {
    action: "edit a message of others' private conversation (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const conversationId = await othersConversation();
      const [message] = await testDb.db
        .select()
        .from(conversationMessages)
        .where(eq(conversationMessages.conversationId, conversationId));
      const allowed = await attempt(() =>
        editMessage(contextFor(actor), { messageId: message!.id, body: documentFromText("Réécrit") }),
      );
      return {
        allowed,
        check: async () =>
          expect(
            (await testDb.db.select().from(conversationMessages).where(eq(conversationMessages.id, message!.id)))[0]!
              .bodyText,
          ).toBe("Entre nous"),
      };
    },
  },
  simple("download a file of others' private conversation (guessed id)", nobody, async (actor) => {
    const { fileId } = await othersFile();
    return readMessageFile(contextFor(actor), fileId);
  }),
  {
    action: "send a file in others' private conversation (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const conversationId = await othersConversation();
      const before = (await testDb.db.select().from(storedFiles)).length;
      const pdf = await makePdf(1);
      const allowed = await attempt(() =>
        sendMessageWithFile(
          contextFor(actor),
          { conversationId, text: "", idempotencyKey: randomUUID() },
          { bytes: pdf, name: "cv.pdf" },
        ),
      );
      return {
        allowed,
        check: async () => expect(await testDb.db.select().from(storedFiles)).toHaveLength(before),
      };
    },
  },
  {
    action: "react to a message of others' private conversation (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const { messageId } = await othersFile();
      const allowed = await attempt(() => reactToMessage(contextFor(actor), { messageId, emoji: "👍" }));
      return {
        allowed,
        check: async () =>
          expect(
            await testDb.db
              .select()
              .from(conversationMessageReactions)
              .where(eq(conversationMessageReactions.messageId, messageId)),
          ).toEqual([]),
      };
    },
  },
  simple("signal typing in others' private conversation (guessed id)", nobody, async (actor) =>
    signalTyping(contextFor(actor), { conversationId: await othersConversation() }),
  ),
  {
    action: "add people to others' group conversation (guessed id)",
    expected: nobody,
    run: async (actor) => {
      const conversationId = await othersConversation({ isGroup: true });
      const allowed = await attempt(() =>
        addPeopleToConversation(contextFor(actor), { conversationId, participantIds: actor ? [actor.id] : [] }),
      );
      return {
        allowed,
        check: async () =>
          expect(
            await testDb.db
              .select()
              .from(conversationParticipants)
              .where(eq(conversationParticipants.conversationId, conversationId)),
          ).toHaveLength(2),
      };
    },
  },
  simple("declare an outcome (J'ai trouvé !)", activeMembers, (actor) =>
    declareOutcome(contextFor(actor), {
      kind: "cdi",
      isEss: true,
      organisation: null,
      startsOn: zonedDate(new Date()).date,
      sharing: "nobody",
    }),
  ),
  {
    action: "withdraw someone else's outcome",
    expected: nobody,
    run: async (actor) => {
      const [outcome] = await testDb.db
        .insert(outcomes)
        .values({ userId: owner.id, kind: "cdi", isEss: true, startsOn: "2026-01-05", sharing: "facilitators" })
        .returning();
      const allowed = await attempt(() => withdrawOutcome(contextFor(actor), outcome!.id));
      return {
        allowed,
        check: async () =>
          expect(
            (await testDb.db.select().from(outcomes).where(eq(outcomes.id, outcome!.id)))[0]!.withdrawnAt,
          ).toBeNull(),
      };
    },
  },
  simple("view the Impact dashboard", staff, (actor) => getImpactDashboard(contextFor(actor), {})),
  ...impactTables.map((table) =>
    simple(`export the Impact table "${table}" (CSV)`, staff, (actor) => exportImpactCsv(contextFor(actor), table, {})),
  ),
  {
    // Each account answers only its own survey: the owner's stays unanswered whoever tries.
    action: "answer another member's six-month survey",
    expected: nobody,
    run: async (actor) => {
      await testDb.db
        .insert(surveys)
        .values({ userId: owner.id, basis: "cohort_end", dueOn: "2026-06-01" })
        .onConflictDoNothing();
      const allowed = await attempt(() =>
        answerSurvey(contextFor(actor), { situation: "cdi", satisfaction: 1, helped: [], comment: null }),
      );
      return {
        allowed,
        check: async () =>
          expect(
            (await testDb.db.select().from(surveys).where(eq(surveys.userId, owner.id)))[0]!.answeredAt,
          ).toBeNull(),
      };
    },
  },
  {
    action: "change the community's name and colours",
    expected: adminsOnly,
    run: async (actor) => {
      const before = (await getSettings(testDb.db, { keys: ["branding"] })).get("branding") ?? null;
      const allowed = await attempt(() =>
        updateBranding(contextFor(actor), {
          name: `Communauté ${randomUUID().slice(0, 8)}`,
          description: "",
          territory: "",
          organisation: "",
          primaryColor: "#1d4ed8",
          secondaryColor: "#047857",
          emailSenderName: "",
          emailSignature: "",
          footerText: "",
        }),
      );
      return {
        allowed,
        check: async () =>
          expect((await getSettings(testDb.db, { keys: ["branding"] })).get("branding") ?? null).toEqual(before),
      };
    },
  },
  {
    action: "replace the community's logo",
    expected: adminsOnly,
    run: async (actor) => {
      const before = (await getSettings(testDb.db, { keys: ["branding"] })).get("branding") ?? null;
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
      const allowed = await attempt(() => replaceLogo(contextFor(actor), png));
      return {
        allowed,
        check: async () =>
          expect((await getSettings(testDb.db, { keys: ["branding"] })).get("branding") ?? null).toEqual(before),
      };
    },
  },
  simple("change the positive-exit rule", staff, (actor) => savePositiveRule(contextFor(actor), ["cdi"])),
  {
    action: "create a cohort",
    expected: staff,
    run: async (actor) => {
      const name = `Promo ${crypto.randomUUID()}`;
      const allowed = await attempt(() =>
        createCohort(contextFor(actor), { name, territory: "", startsOn: "2026-01-05", endsOn: "2026-06-30" }),
      );
      return {
        allowed,
        check: async () => expect(await testDb.db.select().from(cohorts).where(eq(cohorts.name, name))).toEqual([]),
      };
    },
  },
  {
    action: "place a member in a cohort",
    expected: staff,
    run: async (actor) => {
      const [cohort] = await testDb.db
        .insert(cohorts)
        .values({ name: "Promo test", startsOn: "2026-01-05", endsOn: "2026-06-30" })
        .returning();
      const target = await makeUser(testDb.db, "À placer");
      const allowed = await attempt(() =>
        placeMember(contextFor(actor), { cohortId: cohort!.id, email: target.email }),
      );
      return {
        allowed,
        check: async () =>
          expect(await testDb.db.select().from(cohortMembers).where(eq(cohortMembers.userId, target.id))).toEqual([]),
      };
    },
  },
  simple("read a members' help page", activeMembers, async (actor) =>
    readHelpPage(contextFor(actor), (await helpPage("member")).slug),
  ),
  simple("read a facilitators' help page", staff, async (actor) =>
    readHelpPage(contextFor(actor), (await helpPage("facilitator")).slug),
  ),
  {
    action: "write a help page",
    expected: adminsOnly,
    run: async (actor) => {
      const slug = `aide-${randomUUID().slice(0, 8)}`;
      const body = documentFromText("Nouveau texte.");
      const allowed = await attempt(() =>
        createHelpPage(contextFor(actor), { slug, title: "Nouvelle aide", audience: "member", position: 0, body }),
      );
      return {
        allowed,
        check: async () =>
          expect(await readHelpPage(contextFor(actors.get("admin")!), slug).catch(() => null)).toBeNull(),
      };
    },
  },
  {
    action: "edit a help page",
    expected: adminsOnly,
    run: async (actor) => {
      const page = await helpPage("member");
      const allowed = await attempt(() =>
        updateHelpPage(contextFor(actor), {
          id: page.id,
          expectedUpdatedAt: page.updatedAt.toISOString(),
          title: "Titre changé",
          audience: "facilitator",
          position: 1,
          body: documentFromText("Texte changé."),
        }),
      );
      return {
        allowed,
        check: async () => expect(await getHelpPageById(testDb.db, { id: page.id })).toEqual(page),
      };
    },
  },
  {
    action: "delete a help page",
    expected: adminsOnly,
    run: async (actor) => {
      const page = await helpPage("member");
      const allowed = await attempt(() => deleteHelpPage(contextFor(actor), { id: page.id }));
      return {
        allowed,
        check: async () => expect(await getHelpPageById(testDb.db, { id: page.id })).toEqual(page),
      };
    },
  },
  {
    action: "follow another community's offers",
    expected: adminsOnly,
    run: async (actor) => {
      // A documentation address: the refresh fails at once (never leaves the machine), the row stays.
      const url = `https://192.0.2.${Math.floor(Math.random() * 250) + 1}`;
      const allowed = await attempt(() => followCommunity(contextFor(actor), { name: "Réseau", url }));
      return {
        allowed,
        check: async () =>
          expect(await testDb.db.select().from(networkSources).where(eq(networkSources.baseUrl, url))).toEqual([]),
      };
    },
  },
  {
    action: "stop following a community",
    expected: adminsOnly,
    run: async (actor) => {
      const [source] = await testDb.db
        .insert(networkSources)
        .values({ name: "Réseau", baseUrl: `https://${crypto.randomUUID()}.example` })
        .returning();
      const allowed = await attempt(() => unfollowCommunity(contextFor(actor), source!.id));
      return {
        allowed,
        check: async () =>
          expect(await testDb.db.select().from(networkSources).where(eq(networkSources.id, source!.id))).toHaveLength(
            1,
          ),
      };
    },
  },
  simple("export the programme", adminsOnly, (actor) => exportProgramme(contextFor(actor))),
  {
    action: "check a programme file (dry run)",
    expected: adminsOnly,
    run: async (actor) => ({
      allowed: await attempt(async () =>
        previewProgrammeImport(contextFor(actor), {
          content: JSON.stringify(await programmeWithNewChannel()),
          locale: "fr",
        }),
      ),
    }),
  },
  {
    action: "apply a programme file",
    expected: adminsOnly,
    run: async (actor) => {
      const template = await programmeWithNewChannel();
      const content = JSON.stringify(template);
      const slug = template.channels.at(-1)!.slug;
      // A token signed for this very account: only the capability can refuse.
      const token = signPreview(actor?.id ?? "anonymous", content);
      const allowed = await attempt(() => applyProgrammeImport(contextFor(actor), { content, token, locale: "fr" }));
      return {
        allowed,
        check: async () => expect(await testDb.db.select().from(channels).where(eq(channels.slug, slug))).toEqual([]),
      };
    },
  },
];

/** Today's programme plus one new discussion channel with a unique slug. */
async function programmeWithNewChannel() {
  const template = await exportTemplate(testDb.db);
  const slug = `matrice-${randomUUID().slice(0, 8)}`;
  template.channels.push({
    slug,
    kind: "discussion",
    name: { fr: `Salon ${slug}`, en: `Channel ${slug}` },
    description: "",
    rules: "",
    visibility: "members",
    allowsQuestions: false,
    position: 900,
  });
  return template;
}

/** A conversation between the owner and someone else: no account of the matrix is in it. */
async function othersConversation({ isGroup = false } = {}): Promise<number> {
  const other = await makeUser(testDb.db, "Interlocutrice");
  // Written by the queries: the owner is a new account, limited in conversations per day.
  const conversationId = await createConversation(testDb.db, {
    createdById: owner.id,
    participantIds: [other.id],
    title: null,
    isGroup,
  });
  const body = documentFromText("Entre nous");
  await insertMessage(testDb.db, {
    conversationId,
    authorId: owner.id,
    content: { body, html: "<p>Entre nous</p>", text: "Entre nous" },
    idempotencyKey: randomUUID(),
  });
  return conversationId;
}

/** A file carried by a message of others' conversation (its bytes in storage: only the check refuses). */
async function othersFile(): Promise<{ fileId: string; messageId: number }> {
  const conversationId = await othersConversation();
  const [message] = await testDb.db
    .select()
    .from(conversationMessages)
    .where(eq(conversationMessages.conversationId, conversationId));
  const storageKey = `messages/${randomUUID()}`;
  await getStorage().put(storageKey, await makePdf(1), "application/pdf");
  await attachFileToMessage(testDb.db, {
    messageId: message!.id,
    ownerId: owner.id,
    file: { storageKey, contentType: "application/pdf", byteSize: 100, pageCount: 1, originalName: "cv.pdf" },
  });
  const [file] = await testDb.db
    .select()
    .from(conversationMessageFiles)
    .where(eq(conversationMessageFiles.messageId, message!.id));
  return { fileId: file!.fileId, messageId: message!.id };
}

beforeAll(async () => {
  testDb = await createServiceTestDb();
  owner = await makeUser(testDb.db, "Propriétaire");
  actors.set("anonymous", null);
  for (const kind of ACCOUNTS.filter((kind) => kind !== "anonymous"))
    actors.set(kind, await makeAccount(kind as Exclude<AccountKind, "anonymous">));
});
afterAll(() => testDb.close());

describe("authorization matrix", () => {
  for (const row of MATRIX) {
    describe(row.action, () => {
      for (const account of ACCOUNTS) {
        const expected = row.expected[account];
        it(`${expected ? "allows" : "refuses"} ${account}`, async () => {
          const { allowed, check } = await row.run(actors.get(account)!);
          expect(allowed).toBe(expected);
          if (!allowed) await check?.();
        });
      }
    });
  }
});

describe("acting on one's own resources", () => {
  it("lets the asker accept an answer on their own question, and a member not on another's", async () => {
    const asker = await makeUser(testDb.db, "Demandeuse");
    const other = await makeUser(testDb.db, "Autre membre");
    const { thread } = await createThread(
      testDb.db,
      threadRow({
        channelId: await channelId(testDb.db, "entraide"),
        authorId: asker.id,
        title: "Ma question",
        body: documentFromText("?"),
        kind: "question",
      }),
    );
    const answer = await replyByOwner(thread.id);
    expect(await attempt(() => acceptAnswer(contextFor(actorOf(other)), { postId: answer.id }))).toBe(false);
    expect(await attempt(() => acceptAnswer(contextFor(actorOf(asker)), { postId: answer.id }))).toBe(true);
  });

  it("refuses suspending oneself, and facilitators suspending admins", async () => {
    const facilitator = await makeUser(testDb.db, "Animatrice", "facilitator");
    const admin = await makeUser(testDb.db, "Admin", "admin");
    expect(
      await attempt(() => suspendMember(contextFor(actorOf(facilitator)), { userId: facilitator.id, reason: "Test" })),
    ).toBe(false);
    expect(
      await attempt(() => suspendMember(contextFor(actorOf(facilitator)), { userId: admin.id, reason: "Test" })),
    ).toBe(false);
    expect(
      await attempt(() => changeMemberRole(contextFor(actorOf(admin)), { userId: admin.id, role: "member" })),
    ).toBe(false);
  });
});
