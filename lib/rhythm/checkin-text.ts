import type { BlockNode, RichTextDocument } from "@/lib/domain/rich-text";
import type { CheckinQuestions, GoalOutcome, GoalReview } from "@/lib/domain/rhythm";

/*
 * The check-in posts are written in the community's language (French), like the programme's
 * own threads: they are shared content read by everyone, not interface text.
 */

const OUTCOME_LABELS: Record<GoalOutcome, string> = {
  done: "✅ fait",
  partly: "🔸 en partie",
  not_yet: "⏳ pas encore",
};

const frenchDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-11-30" → "30 novembre 2026" (a calendar date, read as such). */
export function frenchDate(date: string): string {
  return frenchDay.format(new Date(`${date}T00:00:00Z`));
}

export function weeklyThreadTitle(weekStart: string): string {
  return `Café Pote Emploi — semaine du ${frenchDate(weekStart)}`;
}

const paragraph = (text: string): BlockNode => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] });
const heading = (text: string): BlockNode => ({
  type: "heading",
  attrs: { level: 3 },
  content: [{ type: "text", text }],
});
const bullets = (items: string[]): BlockNode => ({
  type: "bulletList",
  content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
});

export function weeklyThreadDocument(questions: CheckinQuestions, weekEnd: string): RichTextDocument {
  return {
    type: "doc",
    content: [
      paragraph(
        `Bienvenue au café de la semaine ! Partagez vos objectifs et vos avancées jusqu'au ${frenchDate(weekEnd)} : chaque check-in apparaît ici, répondez-vous et encouragez-vous.`,
      ),
      bullets([questions.goals, questions.review, questions.goodNews, questions.difficulty, questions.help]),
    ],
  };
}

/** A check-in as a post: one short section per answered question. */
export function checkinDocument(
  questions: CheckinQuestions,
  answers: { goals: string[]; review: GoalReview[]; goodNews: string; difficulty: string; helpWanted: string },
): RichTextDocument {
  const content: BlockNode[] = [heading(questions.goals), bullets(answers.goals)];
  if (answers.review.length) {
    content.push(
      heading(questions.review),
      bullets(answers.review.map((item) => `${item.goal} — ${OUTCOME_LABELS[item.outcome]}`)),
    );
  }
  for (const [question, answer] of [
    [questions.goodNews, answers.goodNews],
    [questions.difficulty, answers.difficulty],
    [questions.help, answers.helpWanted],
  ] as const) {
    if (answer) content.push(heading(question), paragraph(answer));
  }
  return { type: "doc", content };
}
