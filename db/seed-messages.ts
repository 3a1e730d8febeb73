import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { documentFromText } from "@/lib/editor/render";
import { postContent } from "@/lib/forum/content";
import type { ReactionEmoji } from "@/lib/domain/forum";
import { getStorage } from "@/lib/storage";
import type { Db } from "./client";
import { saveMessagingSettings } from "./queries/blocks";
import { insertBuddyPair } from "./queries/buddies";
import { createConversation, markConversationRead } from "./queries/conversations";
import { attachFileToMessage, toggleMessageReaction } from "./queries/message-extras";
import { insertMessage } from "./queries/messages";
import { users } from "./schema";
import type { SeededUsers } from "./seed";
import { makeDemoCv } from "./seed-reviews";

type Line = { from: { id: string }; text: string };

/** Writes a conversation's messages in order (as the service would, without live events); returns their ids. */
async function writeLines(db: Db, conversationId: number, lines: Line[]): Promise<number[]> {
  const ids: number[] = [];
  for (const line of lines) {
    const { message } = await insertMessage(db, {
      conversationId,
      authorId: line.from.id,
      content: postContent(documentFromText(line.text)),
      idempotencyKey: randomUUID(),
    });
    ids.push(message.id);
  }
  return ids;
}

/**
 * Demo private conversations: Camille and the pro (her CV attached, a reaction, the pro's reply
 * unread by Camille), Yanis and Camille, a small group with the facilitator, and one binôme
 * (Yanis, a newcomer, with Imane, an alumna who volunteered) with its welcome message.
 */
export async function seedDemoMessages(db: Db, seeded: SeededUsers): Promise<void> {
  const { camille, pro, yanis, facilitator } = seeded;
  if (!camille || !pro || !yanis || !facilitator) return;
  await saveMessagingSettings(db, {
    userId: pro.id,
    acceptsNewConversations: true,
    availabilityNote: "Répond en général sous 3 jours",
    buddyCapacity: 0,
  });

  const withPro = await createConversation(db, {
    createdById: camille.id,
    participantIds: [pro.id],
    title: null,
    isGroup: false,
  });
  const [, cvMessage] = await writeLines(db, withPro, [
    { from: camille, text: "Bonjour Julien, merci pour votre relecture sur le forum ! Je peux vous envoyer mon CV ?" },
    { from: camille, text: "Voici la nouvelle version, avec l'alternance remontée en haut." },
  ]);
  const cv = await makeDemoCv();
  const storageKey = `messages/${randomUUID()}`;
  await getStorage().put(storageKey, cv, "application/pdf");
  await attachFileToMessage(db, {
    messageId: cvMessage!,
    ownerId: camille.id,
    file: {
      storageKey,
      contentType: "application/pdf",
      byteSize: cv.byteLength,
      pageCount: 2,
      originalName: "cv-camille-durand.pdf",
    },
  });
  const [proReply] = await writeLines(db, withPro, [
    { from: pro, text: "Bien reçu Camille. C'est beaucoup plus clair ! On en parle 10 minutes jeudi ?" },
  ]);
  await react(db, proReply!, camille.id, "🙏");

  const withYanis = await createConversation(db, {
    createdById: yanis.id,
    participantIds: [camille.id],
    title: null,
    isGroup: false,
  });
  await writeLines(db, withYanis, [
    { from: yanis, text: "Salut Camille, tu as eu une réponse de la coopérative pour ta candidature ?" },
    { from: camille, text: "Pas encore, je relance lundi. Et toi, ton entretien d'alternance ?" },
  ]);
  await markConversationRead(db, { conversationId: withYanis, userId: yanis.id, number: 2 });

  const group = await createConversation(db, {
    createdById: facilitator.id,
    participantIds: [camille.id, yanis.id],
    title: "Atelier CV du jeudi",
    isGroup: true,
  });
  const [groupHello] = await writeLines(db, group, [
    { from: facilitator, text: "Bonjour à vous deux ! Pensez à apporter vos CV imprimés jeudi." },
  ]);
  await react(db, groupHello!, yanis.id, "👍");
  await markConversationRead(db, { conversationId: group, userId: camille.id, number: 1 });

  // The binôme: an alumna from the spring cohort (db/seed-outcomes.ts) welcomes Yanis.
  const [imane] = await db.select().from(users).where(eq(users.email, "imane@propulse.demo")).limit(1);
  if (!imane) return;
  await saveMessagingSettings(db, {
    userId: imane.id,
    acceptsNewConversations: true,
    availabilityNote: "",
    buddyCapacity: 2,
  });
  const buddyConversation = await createConversation(db, {
    createdById: imane.id,
    participantIds: [yanis.id],
    title: null,
    isGroup: false,
  });
  await writeLines(db, buddyConversation, [
    {
      from: imane,
      text: "Bonjour Yanis Haddad ! Je suis Imane Roche, ton binôme chez Pro'pulse. Je suis passé·e par là : pose-moi toutes tes questions, sur ton CV, tes candidatures ou la communauté. À très vite !",
    },
  ]);
  await insertBuddyPair(db, {
    newcomerId: yanis.id,
    buddyId: imane.id,
    conversationId: buddyConversation,
    createdById: facilitator.id,
  });
}

async function react(db: Db, messageId: number, userId: string, emoji: ReactionEmoji) {
  await toggleMessageReaction(db, { messageId, userId, emoji });
}
