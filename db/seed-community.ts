import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "./client";
import { createAccount } from "./queries/admission";
import { createProRequest } from "./queries/pros";
import { setAcceptedAnswer } from "./queries/questions";
import { posts, threads, users } from "./schema";
import type { SeededUsers } from "./seed";

/**
 * Demo content for questions, pros and admission: the entraide threads become questions (one
 * with the pro's reply accepted), one newcomer waits for admission and one member for the pro
 * badge, so every facilitator queue has something to show.
 */
export async function seedDemoCommunity(db: Db, seeded: SeededUsers, passwordHash: string): Promise<void> {
  const questions = await db
    .update(threads)
    .set({ kind: "question" })
    .where(
      inArray(threads.title, [
        "Comment valoriser un service civique dans un CV ?",
        "Alternance en gestion associative : par où commencer ?",
      ]),
    )
    .returning({ id: threads.id, title: threads.title });
  const civic = questions.find((thread) => thread.title.startsWith("Comment valoriser"));
  const pro = seeded.pro;
  const asker = seeded.camille;
  if (civic && pro && asker) {
    const [answer] = await db
      .select({ id: posts.id })
      .from(posts)
      .where(and(eq(posts.threadId, civic.id), eq(posts.authorId, pro.id)))
      .orderBy(asc(posts.number))
      .limit(1);
    if (answer) await setAcceptedAnswer(db, { threadId: civic.id, postId: answer.id, actorId: asker.id });
  }

  const applicant = await createAccount(db, {
    name: "Léa Petit",
    email: "lea@propulse.demo",
    passwordHash,
    isOpen: false,
    answers: [
      {
        question: "Quel diplôme avez-vous obtenu (intitulé et établissement) ?",
        answer: "Master Économie sociale et solidaire, Université Lyon 2",
      },
      { question: "Quand l'avez-vous obtenu ?", answer: "Juin dernier" },
      {
        question: "Quel est votre projet dans l'économie sociale et solidaire ?",
        answer: "Travailler dans une coopérative d'activité et d'emploi, côté accompagnement des entrepreneur·es.",
      },
    ],
  });
  if (applicant.kind === "created")
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, applicant.user.id));

  const yanis = seeded.yanis;
  if (yanis) {
    await createProRequest(db, {
      userId: yanis.id,
      organisation: "Association Cultures en partage",
      jobTitle: "Animateur socioculturel (alternance)",
      proofUrl: "https://propulse.example/equipe",
      expertise: ["animation socioculturelle", "alternance"],
    });
  }
}
