import "server-only";
import { insertAudit } from "@/db/queries/audit";
import {
  endBuddyPair,
  endOpenPairOf,
  getBuddyLoad,
  getMyBuddyPair,
  insertBuddyPair,
  listAvailableBuddies,
  listNewcomersWithoutBuddy,
  listOpenPairs,
} from "@/db/queries/buddies";
import { createConversation, findDirectConversation } from "@/db/queries/conversations";
import { insertMessage } from "@/db/queries/messages";
import { getUserById } from "@/db/queries/users";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { postContent } from "@/lib/forum/content";
import { documentFromText } from "@/lib/editor/render";
import { canManageBuddies, canUseMessages } from "@/lib/permissions/conversations";
import { deliverNewMessage } from "./service";
import { toMessageView } from "./views";

/**
 * The language the pair's welcome is written in: the newcomer's chosen language (they are the one
 * welcomed), else the buddy's, else French (the programme's language).
 */
export function pairLanguage(newcomerLocale: string | null, buddyLocale: string | null): Locale {
  return [newcomerLocale, buddyLocale].find(isLocale) ?? defaultLocale;
}

/** Newcomers are members who joined in the last month. */
const NEWCOMER_DAYS = 30;

function requireStaff(actor: ServiceContext["actor"]): NonNullable<ServiceContext["actor"]> {
  if (!actor || !canManageBuddies(actor)) throw new AppError("not_found");
  return actor;
}

/** What /moderation/binomes shows: open pairs (last exchange date, never content), newcomers, volunteers. */
export async function readBuddyBoard({ db, actor }: ServiceContext) {
  requireStaff(actor);
  const [pairs, newcomers, volunteers] = await Promise.all([
    listOpenPairs(db),
    listNewcomersWithoutBuddy(db, { days: NEWCOMER_DAYS, limit: 100 }),
    listAvailableBuddies(db),
  ]);
  return { pairs, newcomers, volunteers };
}

/**
 * Pairs a newcomer with a volunteer who has room left (re-pairing ends the newcomer's current
 * pair), opens their conversation with the welcome message written in the buddy's name, and
 * records it in the audit log, in one transaction; the message is delivered after commit.
 */
export async function pairBuddies(
  ctx: ServiceContext,
  input: {
    newcomerId: string;
    buddyId: string;
    /** The welcome message in the pair's language (see `pairLanguage`). */
    welcome: (names: { newcomer: string; buddy: string }, locale: Locale) => string | Promise<string>;
  },
) {
  const staff = requireStaff(ctx.actor);
  if (input.newcomerId === input.buddyId) throw new AppError("bad_request", "messages.buddies.samePerson");
  const [newcomer, buddy] = await Promise.all([
    getUserById(ctx.db, { id: input.newcomerId }),
    getUserById(ctx.db, { id: input.buddyId }),
  ]);
  if (!newcomer || !buddy || !canUseMessages(newcomer) || !canUseMessages(buddy)) throw new AppError("not_found");
  const text = await input.welcome(
    { newcomer: newcomer.name, buddy: buddy.name },
    pairLanguage(newcomer.locale, buddy.locale),
  );
  const { pair, message } = await ctx.db.transaction(async (tx) => {
    const load = await getBuddyLoad(tx, { buddyId: buddy.id });
    if (load.pairs >= load.capacity) throw new AppError("conflict", "messages.buddies.full");
    const ended = await endOpenPairOf(tx, { newcomerId: newcomer.id });
    for (const old of ended) {
      await insertAudit(tx, {
        actorId: staff.id,
        action: "buddy.end",
        targetType: "buddy_pair",
        targetId: old.id,
        targetUserId: newcomer.id,
        details: { reason: "re-paired" },
      });
    }
    const conversationId =
      (await findDirectConversation(tx, { userId: newcomer.id, otherId: buddy.id })) ??
      (await createConversation(tx, {
        createdById: buddy.id,
        participantIds: [newcomer.id],
        title: null,
        isGroup: false,
      }));
    const { body, html, text: plain } = postContent(documentFromText(text));
    const { message } = await insertMessage(tx, {
      conversationId,
      authorId: buddy.id,
      content: { body, html, text: plain },
      idempotencyKey: crypto.randomUUID(),
    });
    const pair = await insertBuddyPair(tx, {
      newcomerId: newcomer.id,
      buddyId: buddy.id,
      conversationId,
      createdById: staff.id,
    });
    await insertAudit(tx, {
      actorId: staff.id,
      action: "buddy.pair",
      targetType: "buddy_pair",
      targetId: pair.id,
      targetUserId: newcomer.id,
      details: { buddyId: buddy.id },
    });
    return { pair, message };
  });
  await deliverNewMessage(ctx, toMessageView(message), {
    participantIds: [newcomer.id, buddy.id],
    notifyIds: [newcomer.id],
  });
  return pair;
}

/** Ends a pair (after the cohort, or on request); the conversation stays with its two members. */
export async function endBuddies({ db, actor }: ServiceContext, input: { pairId: number }) {
  const staff = requireStaff(actor);
  await db.transaction(async (tx) => {
    const pair = await endBuddyPair(tx, { pairId: input.pairId });
    if (!pair) throw new AppError("not_found");
    await insertAudit(tx, {
      actorId: staff.id,
      action: "buddy.end",
      targetType: "buddy_pair",
      targetId: pair.id,
      targetUserId: pair.newcomerId,
    });
  });
}

/** "Ton binôme : …" on the home page (null when the member has none). */
export async function getMyBuddy({ db, actor }: ServiceContext) {
  if (!canUseMessages(actor)) return null;
  return getMyBuddyPair(db, { userId: actor.id });
}
