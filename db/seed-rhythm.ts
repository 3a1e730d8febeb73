import { eq } from "drizzle-orm";
import { documentFromText } from "@/lib/editor/render";
import { replyRow, threadRow } from "@/lib/forum/content";
import { addDays, checkinWeekOf, DEFAULT_CHECKIN_QUESTIONS, type GoalReview } from "@/lib/domain/rhythm";
import { checkinDocument, weeklyThreadDocument, weeklyThreadTitle } from "@/lib/rhythm/checkin-text";
import type { Db } from "./client";
import { createReply } from "./queries/posts";
import { createThread } from "./queries/threads";
import { activities, activityRsvps, checkins, checkinWeeks, threads, users } from "./schema";
import type { SeededUsers } from "./seed";
import { channelIdsBySlug } from "./seed-forum";

const DAY = 24 * 60 * 60 * 1000;

type DemoCheckin = {
  by: string;
  goals: string[];
  review?: GoalReview["outcome"][];
  goodNews?: string;
  difficulty?: string;
  help?: string;
};

/** Four weeks of the café: Camille checked in the last three weeks, Yanis two weeks ago and this week. */
const demoWeeks: { weeksAgo: number; checkins: DemoCheckin[] }[] = [
  {
    weeksAgo: 3,
    checkins: [
      {
        by: "camille",
        goals: ["Mettre à jour mon CV", "Lister 10 structures de l'alimentation durable"],
        goodNews: "J'ai fini mon mémoire !",
      },
    ],
  },
  {
    weeksAgo: 2,
    checkins: [
      {
        by: "camille",
        goals: ["Envoyer 3 candidatures spontanées", "Préparer mon pitch d'une minute"],
        review: ["done", "partly"],
        difficulty: "Je ne sais pas à qui adresser mes candidatures spontanées.",
        help: "Un contact dans un tiers-lieu lyonnais ?",
      },
      {
        by: "yanis",
        goals: ["Trouver 5 offres d'alternance en animation"],
        goodNews: "Premier atelier Pro'pulse suivi !",
      },
    ],
  },
  {
    weeksAgo: 1,
    checkins: [
      {
        by: "camille",
        goals: ["Relancer les structures contactées", "Participer à l'atelier CV", "Faire relire ma lettre"],
        review: ["done", "not_yet"],
        goodNews: "Un entretien décroché à La Ruche Solidaire 🎉",
      },
    ],
  },
  {
    weeksAgo: 0,
    checkins: [
      {
        by: "yanis",
        goals: ["Postuler à l'alternance de la MJC", "M'entraîner au pitch"],
        help: "Quelqu'un pour une simulation d'entretien jeudi ?",
      },
    ],
  },
];

/** Check-in weeks, activities (past with attendance and a recap, upcoming, one proposal) and a welcome thread. */
export async function seedDemoRhythm(db: Db, seeded: SeededUsers, now = new Date()): Promise<void> {
  const channelId = await channelIdsBySlug(db);
  const { facilitator, pro, camille, yanis } = seeded;
  const cafe = channelId.get("cafe");
  const programme = channelId.get("programme");
  if (!facilitator || !pro || !camille || !yanis || !cafe || !programme) return;

  await db
    .update(users)
    .set({ seeking: "Chargée de projet alimentation durable", location: "Lyon (69)" })
    .where(eq(users.id, camille.id));

  const thisWeek = checkinWeekOf(now);
  for (const week of demoWeeks) {
    const weekStart = addDays(thisWeek, -7 * week.weeksAgo);
    const { thread } = await createThread(
      db,
      threadRow({
        channelId: cafe,
        authorId: facilitator.id,
        title: weeklyThreadTitle(weekStart),
        body: weeklyThreadDocument(DEFAULT_CHECKIN_QUESTIONS, addDays(weekStart, 6)),
      }),
    );
    const [row] = await db
      .insert(checkinWeeks)
      .values({ weekStart, threadId: thread.id, questions: DEFAULT_CHECKIN_QUESTIONS })
      .returning();
    for (const checkin of week.checkins) {
      const author = seeded[checkin.by]!;
      const previous = demoWeeks
        .find((w) => w.weeksAgo === week.weeksAgo + 1)
        ?.checkins.find((c) => c.by === checkin.by);
      const review: GoalReview[] = (checkin.review ?? []).flatMap((outcome, index) =>
        previous?.goals[index] ? [{ goal: previous.goals[index], outcome }] : [],
      );
      const answers = {
        goals: checkin.goals,
        review,
        goodNews: checkin.goodNews ?? "",
        difficulty: checkin.difficulty ?? "",
        helpWanted: checkin.help ?? "",
      };
      const created = await createReply(
        db,
        replyRow({
          threadId: thread.id,
          authorId: author.id,
          body: checkinDocument(DEFAULT_CHECKIN_QUESTIONS, answers),
        }),
      );
      await db.insert(checkins).values({
        weekId: row!.id,
        userId: author.id,
        ...answers,
        postId: created.ok ? created.post.id : null,
        createdAt: new Date(Date.parse(`${weekStart}T09:00:00Z`) + DAY),
      });
      if (created.ok && checkin.help && checkin.by === "camille") {
        await createReply(
          db,
          replyRow({
            threadId: thread.id,
            authorId: yanis.id,
            body: documentFromText("Je connais quelqu'un à l'Autre Soie, je t'envoie son contact !"),
            replyToId: created.post.id,
          }),
        );
      }
    }
  }

  // The pinned welcome thread of *Vie du programme*, where newcomers introduce themselves.
  const welcome = await createThread(
    db,
    threadRow({
      channelId: programme,
      authorId: facilitator.id,
      title: "Présentez-vous ici 👋",
      body: documentFromText(
        "Bienvenue dans la communauté ! Présentez-vous en quelques lignes :\n\nJe m'appelle…, je cherche un poste de… à…\nCe qui me motive dans l'ESS : …\nJe peux aider les autres sur : …",
      ),
    }),
  );
  await db.update(threads).set({ isPinned: true }).where(eq(threads.id, welcome.thread.id));
  await createReply(
    db,
    replyRow({
      threadId: welcome.thread.id,
      authorId: camille.id,
      body: documentFromText(
        "Je m'appelle Camille, je cherche un poste de chargée de projet en alimentation durable à Lyon. Je peux aider sur les tiers-lieux et la gestion de projet !",
      ),
    }),
  );

  const at = (days: number, hour: number) => {
    const date = new Date(now.getTime() + days * DAY);
    date.setUTCHours(hour, 0, 0, 0);
    return date;
  };
  const demoActivities = [
    {
      title: "Atelier CV : les 6 secondes du recruteur",
      kind: "atelier" as const,
      description: "On relit nos CV à la loupe, par petits groupes, avec une grille simple.",
      startsAt: at(-12, 13),
      endsAt: at(-12, 15),
      place: "Maison de l'ESS, 12 rue Saint-Jean, Lyon",
      capacity: 12,
      host: facilitator,
      going: [
        [camille, "present"],
        [yanis, "absent"],
      ] as const,
      recap: "Merci à toutes et tous ! À retenir : une accroche claire en haut, des résultats chiffrés, une page.",
    },
    {
      title: "Visite de la Coopérative Les Ateliers du Rhône",
      kind: "visite" as const,
      description: "Découverte d'un atelier chantier d'insertion et échange avec l'équipe RH.",
      startsAt: at(5, 8),
      endsAt: at(5, 10),
      place: "Coopérative Les Ateliers du Rhône, Villeurbanne",
      capacity: 2,
      host: pro,
      going: [[yanis, null]] as const,
    },
    {
      title: "Café emploi en visio : on se motive pour décembre",
      kind: "cafe" as const,
      description: "Une heure pour partager nos pistes et nos galères, animée par Camille.",
      startsAt: at(9, 17),
      endsAt: at(9, 18),
      place: "",
      visioUrl: "https://visio.propulse.example/cafe-decembre",
      capacity: null,
      host: camille,
      going: [] as const,
    },
  ];
  for (const demo of demoActivities) {
    const announcement = await createThread(
      db,
      threadRow({
        channelId: programme,
        authorId: demo.host.id,
        title: demo.title,
        body: documentFromText(demo.description),
      }),
    );
    const [activity] = await db
      .insert(activities)
      .values({
        title: demo.title,
        kind: demo.kind,
        description: demo.description,
        startsAt: demo.startsAt,
        endsAt: demo.endsAt,
        place: demo.place,
        visioUrl: "visioUrl" in demo ? demo.visioUrl : null,
        capacity: demo.capacity,
        hostId: demo.host.id,
        proposedById: demo.host.id,
        status: "published",
        decidedById: facilitator.id,
        threadId: announcement.thread.id,
      })
      .returning();
    for (const [member, attendance] of demo.going) {
      await db
        .insert(activityRsvps)
        .values({ activityId: activity!.id, userId: member.id, response: "going", attendance });
    }
    if ("recap" in demo && demo.recap) {
      const recap = await createReply(
        db,
        replyRow({
          threadId: announcement.thread.id,
          authorId: demo.host.id,
          body: documentFromText(`📝 Compte rendu\n\n${demo.recap}`),
        }),
      );
      if (recap.ok)
        await db.update(activities).set({ recapPostId: recap.post.id }).where(eq(activities.id, activity!.id));
    }
  }
  await db.insert(activities).values({
    title: "Soirée simulation d'entretiens",
    kind: "soiree",
    description: "On joue recruteur·euse et candidat·e à tour de rôle, avec des pros.",
    startsAt: at(16, 17),
    endsAt: at(16, 19),
    place: "Tiers-lieu L'Autre Soie, Villeurbanne",
    capacity: 10,
    hostId: yanis.id,
    proposedById: yanis.id,
  });
}
