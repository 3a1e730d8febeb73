import { eq } from "drizzle-orm";
import { documentFromText } from "@/lib/editor/render";
import { threadRow } from "@/lib/forum/content";
import { addDays, zonedDate } from "@/lib/domain/rhythm";
import type { OutcomeKind, OutcomeSharing } from "@/lib/domain/outcomes";
import type { Db } from "./client";
import { createThread } from "./queries/threads";
import { createUser } from "./queries/users";
import { cohortMembers, cohorts, outcomes, users } from "./schema";
import type { SeededUsers } from "./seed";
import { channelIdsBySlug } from "./seed-forum";

const DAY = 24 * 60 * 60 * 1000;

type Alumna = {
  name: string;
  email: string;
  joinedDaysAgo: number;
  outcome?: {
    kind: OutcomeKind;
    isEss: boolean;
    organisation: string | null;
    startedDaysAgo: number;
    sharing: OutcomeSharing;
  };
  celebration?: string;
};

/** The spring cohort's members (finished: alumni), with outcomes under each sharing choice. */
const ALUMNI: Alumna[] = [
  {
    name: "Imane Roche",
    email: "imane@propulse.demo",
    joinedDaysAgo: 300,
    outcome: {
      kind: "cdi",
      isEss: true,
      organisation: "Ressourcerie du Canal",
      startedDaysAgo: 140,
      sharing: "community",
    },
    celebration: "🎉 J'ai trouvé un CDI chez Ressourcerie du Canal !",
  },
  {
    name: "Théo Lambert",
    email: "theo@propulse.demo",
    joinedDaysAgo: 295,
    outcome: {
      kind: "alternance",
      isEss: true,
      organisation: "MJC des Pentes",
      startedDaysAgo: 120,
      sharing: "facilitators",
    },
  },
  {
    name: "Sarah Benali",
    email: "sarah@propulse.demo",
    joinedDaysAgo: 290,
    outcome: { kind: "formation", isEss: false, organisation: null, startedDaysAgo: 100, sharing: "nobody" },
  },
  {
    name: "Lucas Petit",
    email: "lucas@propulse.demo",
    joinedDaysAgo: 290,
    outcome: {
      kind: "cdd_short",
      isEss: true,
      organisation: "Festival Les Solidaires",
      startedDaysAgo: 90,
      sharing: "facilitators",
    },
  },
  { name: "Nora Diallo", email: "nora@propulse.demo", joinedDaysAgo: 285 },
];

/**
 * Two cohorts (spring, finished — its members are alumni — and autumn, running, with Camille and
 * Yanis), outcomes shared with the community (celebrated in *Victoires*), with the team only, and
 * with nobody.
 */
export async function seedDemoOutcomes(db: Db, seeded: SeededUsers, passwordHash: string, now = new Date()) {
  const today = zonedDate(now).date;
  const [spring, autumn] = await db
    .insert(cohorts)
    .values([
      { name: "Promo printemps", territory: "Lyon", startsOn: addDays(today, -300), endsOn: addDays(today, -120) },
      { name: "Promo automne", territory: "Lyon", startsOn: addDays(today, -60), endsOn: addDays(today, 120) },
    ])
    .returning();
  const victoires = (await channelIdsBySlug(db)).get("victoires");
  for (const alumna of ALUMNI) {
    const user = await createUser(db, {
      name: alumna.name,
      email: alumna.email,
      passwordHash,
      role: "member",
      emailVerified: now,
    });
    if (!user) continue;
    await db
      .update(users)
      .set({ createdAt: new Date(now.getTime() - alumna.joinedDaysAgo * DAY) })
      .where(eq(users.id, user.id));
    await db.insert(cohortMembers).values({ userId: user.id, cohortId: spring!.id });
    if (!alumna.outcome) continue;
    const { startedDaysAgo, ...outcome } = alumna.outcome;
    let threadId: number | null = null;
    if (alumna.celebration && victoires) {
      const { thread } = await createThread(
        db,
        threadRow({
          channelId: victoires,
          authorId: user.id,
          title: alumna.celebration,
          body: documentFromText("Merci à toutes celles et ceux qui m'ont aidé·e en chemin ! Et c'est dans l'ESS 💚"),
        }),
      );
      threadId = thread.id;
    }
    await db
      .insert(outcomes)
      .values({ ...outcome, userId: user.id, startsOn: addDays(today, -startedDaysAgo), threadId });
  }
  for (const key of ["camille", "yanis"]) {
    const member = seeded[key];
    if (member)
      await db.insert(cohortMembers).values({ userId: member.id, cohortId: autumn!.id }).onConflictDoNothing();
  }
}
