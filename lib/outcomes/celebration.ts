import "server-only";
import { getChannelBySlug } from "@/db/queries/channels";
import { removeCelebrationThread, updateOwnOutcome, type OutcomeRow } from "@/db/queries/outcomes";
import type { DbOrTx } from "@/db";
import { VICTORIES_CHANNEL_SLUG, type OutcomeKind } from "@/lib/domain/outcomes";
import { documentFromText } from "@/lib/editor/render";
import { publishThread } from "@/lib/forum/publish";
import { isChannelArchived, type Actor } from "@/lib/permissions";

/** Posts are community content, written in French whatever the author's interface language. */
const KIND_PHRASES: Record<OutcomeKind, string> = {
  cdi: "un CDI",
  cdd_long: "un CDD de 6 mois ou plus",
  cdd_short: "un CDD",
  alternance: "une alternance",
  service_civique: "un service civique",
  formation: "une formation qualifiante",
  creation: "la création de mon activité",
  other: "un nouveau projet",
};

function frenchDay(date: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

export function celebrationTitle(outcome: Pick<OutcomeRow, "kind" | "organisation">): string {
  const where = outcome.organisation ? ` chez ${outcome.organisation}` : "";
  return `🎉 J'ai trouvé ${KIND_PHRASES[outcome.kind]}${where} !`;
}

/**
 * Publishes the celebration in *Victoires* through the publishing pipeline (live event,
 * notifications of the channel's followers, reactions and replies like any thread) and links it
 * to the declaration. Call outside any transaction of your own.
 */
export async function publishCelebration(
  db: DbOrTx,
  actor: NonNullable<Actor>,
  outcome: OutcomeRow,
): Promise<OutcomeRow> {
  const channel = await getChannelBySlug(db, { slug: VICTORIES_CHANNEL_SLUG });
  // No celebration channel (gone or archived by the programme): the declaration stands on its own.
  if (!channel || isChannelArchived(channel)) return outcome;
  const lines = [
    `Je commence le ${frenchDay(outcome.startsOn)}.`,
    outcome.isEss ? "Et c'est dans l'économie sociale et solidaire 💚" : "",
    "Merci à toutes celles et ceux qui m'ont aidé·e en chemin !",
  ];
  const { thread } = await publishThread(
    { db, actor },
    {
      channel,
      title: celebrationTitle(outcome),
      body: documentFromText(lines.filter(Boolean).join("\n\n")),
      // One celebration per sharing of this declaration (a retried submit publishes nothing twice).
      idempotencyKey: `outcome:${outcome.id}:${outcome.updatedAt.getTime()}`,
    },
  );
  return (await updateOwnOutcome(db, { id: outcome.id, userId: outcome.userId, threadId: thread.id })) ?? outcome;
}

/** Takes the celebration down (withdrawn, or no longer shared with the community). */
export async function removeCelebration(db: DbOrTx, outcome: OutcomeRow): Promise<OutcomeRow> {
  if (!outcome.threadId) return outcome;
  await removeCelebrationThread(db, { threadId: outcome.threadId });
  return (await updateOwnOutcome(db, { id: outcome.id, userId: outcome.userId, threadId: null })) ?? outcome;
}
