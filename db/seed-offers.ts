import { eq } from "drizzle-orm";
import type { RichTextDocument } from "@/lib/editor/document";
import { documentFromText } from "@/lib/editor/render";
import { addDays, offerExpiresAt, parisToday } from "@/lib/offers/expiry";
import type { OfferFields } from "@/lib/offers/types";
import type { Db } from "./client";
import { saveApplication, updateApplication } from "./queries/applications";
import { createOffer, setOfferFilled } from "./queries/offers";
import { createNotification } from "./queries/notifications";
import { createReply } from "./queries/posts";
import { channels, jobOffers, posts, threads } from "./schema";
import type { SeededUsers } from "./seed";
import { replyRow, threadRow } from "@/lib/forum/content";

type SeedOffer = {
  by: string;
  title: string;
  /** Days since publication (dates stay relative to the day the demo is seeded). */
  publishedDaysAgo: number;
  /** Days from today; negative: already passed. */
  deadlineInDays: number | null;
  fields: Omit<OfferFields, "deadline" | "startDate"> & { startInDays: number };
  intro: string;
  missions: string[];
  profile: string;
  filled?: boolean;
  questions?: { by: string; text: string; answer?: { by: string; text: string } }[];
  tracker?: { by: string; status: "to_apply" | "applied" | "interview"; note: string }[];
};

const employer = (organisation: string, essFamily: OfferFields["essFamily"], rest: Partial<OfferFields> = {}) => ({
  origin: "employer" as const,
  organisation,
  essFamily,
  salaryMin: null,
  salaryMax: null,
  salaryPeriod: "year" as const,
  sourceUrl: null,
  ...rest,
});

const demoOffers: SeedOffer[] = [
  {
    by: "pro",
    title: "Chargé·e de mission insertion — CDD 12 mois",
    publishedDaysAgo: 3,
    deadlineInDays: 21,
    fields: {
      ...employer("Coopérative Les Ateliers du Rhône", "insertion", { salaryMin: 26000, salaryMax: 29000 }),
      contract: "cdd",
      city: "Lyon",
      department: "69",
      workMode: "hybrid",
      howToApply: "recrutement@ateliers-du-rhone.example",
      startInDays: 45,
    },
    intro:
      "La Coopérative Les Ateliers du Rhône accompagne 60 salarié·es en parcours d'insertion dans le bâtiment et la logistique. Nous recrutons un·e chargé·e de mission pour renforcer l'accompagnement socioprofessionnel.",
    missions: [
      "Suivre un portefeuille de 20 salarié·es en parcours",
      "Construire les partenariats avec les entreprises du territoire",
      "Préparer les bilans avec France Travail et le Département",
    ],
    profile: "Jeune diplômé·e bienvenu·e : une première expérience (stage, service civique) dans le social suffit.",
    questions: [
      {
        by: "camille",
        text: "Le poste est-il ouvert aux jeunes diplômé·es sans expérience en insertion ?",
        answer: { by: "pro", text: "Oui, la motivation et un stage dans le social suffisent." },
      },
    ],
    tracker: [{ by: "camille", status: "applied", note: "Lettre envoyée, relancer Julien dans une semaine." }],
  },
  {
    by: "facilitator",
    title: "Coordinateur·rice de tiers-lieu",
    publishedDaysAgo: 6,
    deadlineInDays: 30,
    fields: {
      ...employer("La Fabrique Commune", "association", { salaryMin: 28000, salaryMax: 32000 }),
      contract: "cdi",
      city: "Lille",
      department: "59",
      workMode: "on_site",
      howToApply: "https://fabrique-commune.example/recrutement",
      startInDays: 60,
    },
    intro:
      "La Fabrique Commune est un tiers-lieu associatif de 800 m² à Fives : ateliers partagés, café solidaire et programmation culturelle.",
    missions: [
      "Animer la communauté des résident·es et des bénévoles",
      "Coordonner la programmation et les partenariats",
      "Suivre le budget et les subventions",
    ],
    profile: "Goût pour le collectif, rigueur budgétaire, permis B apprécié.",
    tracker: [{ by: "yanis", status: "to_apply", note: "" }],
  },
  {
    by: "admin",
    title: "Chargé·e de communication",
    publishedDaysAgo: 10,
    deadlineInDays: null,
    fields: {
      ...employer("Mutuelle Solidaire de l'Ouest", "mutual", { salaryMin: 32000, salaryMax: 36000 }),
      contract: "cdi",
      city: "Nantes",
      department: "44",
      workMode: "hybrid",
      howToApply: "https://mutuelle-solidaire-ouest.example/carrieres/communication",
      startInDays: 30,
    },
    intro:
      "Mutuelle régionale de 40 000 adhérent·es, nous renforçons notre équipe communication pour faire connaître nos actions de prévention.",
    missions: [
      "Piloter les réseaux sociaux et la lettre aux adhérent·es",
      "Préparer les campagnes de prévention santé",
      "Travailler avec les délégué·es élu·es",
    ],
    profile: "Bac+5 communication ou sciences politiques, belle plume.",
  },
  {
    by: "admin",
    title: "Alternance — Assistant·e ressources humaines",
    publishedDaysAgo: 2,
    deadlineInDays: 45,
    fields: {
      ...employer("Coopérative d'activité et d'emploi Ouvrage", "cooperative", {
        salaryMin: 1100,
        salaryMax: 1400,
        salaryPeriod: "month",
      }),
      contract: "apprenticeship",
      city: "Paris",
      department: "75",
      workMode: "hybrid",
      howToApply: "rh@cae-ouvrage.example",
      startInDays: 80,
    },
    intro:
      "Notre coopérative d'activité et d'emploi réunit 250 entrepreneur·es salarié·es. Rejoignez le pôle RH en alternance (rythme 3 semaines / 1 semaine).",
    missions: [
      "Préparer les entrées et sorties des entrepreneur·es",
      "Participer à la paie et aux déclarations sociales",
      "Organiser les formations collectives",
    ],
    profile: "Master RH ou licence pro en alternance, intérêt pour la gouvernance coopérative.",
  },
  {
    by: "camille",
    title: "Service civique — Ambassadeur·rice du réemploi",
    publishedDaysAgo: 4,
    deadlineInDays: 25,
    fields: {
      ...employer("Ressourcerie du Vieux-Port", "association", {
        origin: "shared",
        salaryMin: 620,
        salaryPeriod: "month",
        sourceUrl: "https://www.service-civique.gouv.fr/trouver-ma-mission",
      }),
      contract: "civic_service",
      city: "Marseille",
      department: "13",
      workMode: "on_site",
      howToApply: "https://www.service-civique.gouv.fr/trouver-ma-mission",
      startInDays: 35,
    },
    intro:
      "Vue sur le site du service civique : une mission de 8 mois dans une ressourcerie marseillaise, pour sensibiliser au réemploi.",
    missions: [
      "Accueillir les donateur·rices et valoriser les objets",
      "Animer des ateliers de réparation",
      "Aller à la rencontre des habitant·es du quartier",
    ],
    profile: "Ouvert à toutes et tous de 16 à 25 ans, sans condition de diplôme.",
  },
  {
    by: "facilitator",
    title: "Stage — Chargé·e d'études finance solidaire",
    publishedDaysAgo: 1,
    deadlineInDays: 15,
    fields: {
      ...employer("Fondation Horizons Solidaires", "foundation", { salaryMin: 660, salaryPeriod: "month" }),
      contract: "internship",
      city: "Paris",
      department: "75",
      workMode: "hybrid",
      howToApply: "stages@horizons-solidaires.example",
      startInDays: 50,
    },
    intro:
      "Stage de 6 mois au sein de l'équipe qui instruit les projets financés par la fondation (épargne solidaire, prêts d'honneur).",
    missions: [
      "Analyser les dossiers des structures candidates",
      "Mesurer l'impact social des projets soutenus",
      "Préparer les comités d'engagement",
    ],
    profile: "Master finance, économie sociale ou gestion de projet ; Excel sans crainte.",
  },
  {
    by: "yanis",
    title: "Responsable d'exploitation — épicerie solidaire",
    publishedDaysAgo: 8,
    deadlineInDays: 10,
    fields: {
      ...employer("Épicerie solidaire La Courte Échelle", "esus", {
        origin: "shared",
        salaryMin: 27000,
        salaryMax: 30000,
        sourceUrl: "https://www.jobs-ess.example/offres/4512",
      }),
      contract: "cdi",
      city: "Villeurbanne",
      department: "69",
      workMode: "on_site",
      howToApply: "https://www.jobs-ess.example/offres/4512",
      startInDays: 20,
    },
    intro:
      "Partagée depuis un site d'offres de l'ESS : l'épicerie cherche son ou sa responsable d'exploitation (ESUS agréée).",
    missions: [
      "Gérer les approvisionnements et les stocks",
      "Encadrer deux salarié·es et quinze bénévoles",
      "Suivre les indicateurs d'accès à l'alimentation",
    ],
    profile: "Expérience en commerce ou logistique, sens de l'accueil.",
  },
  {
    by: "facilitator",
    title: "Encadrant·e technique d'insertion en maraîchage",
    publishedDaysAgo: 12,
    deadlineInDays: 35,
    fields: {
      ...employer("Jardins du Val de Loire", "insertion", { salaryMin: 24000, salaryMax: 26000 }),
      contract: "cdd",
      city: "Rezé",
      department: "44",
      workMode: "on_site",
      howToApply: "contact@jardins-val-de-loire.example",
      startInDays: 40,
    },
    intro:
      "Chantier d'insertion en maraîchage biologique : 25 salarié·es en parcours, paniers distribués à 300 familles.",
    missions: [
      "Organiser et encadrer le travail sur les parcelles",
      "Transmettre les gestes techniques",
      "Participer aux bilans de parcours avec la chargée d'insertion",
    ],
    profile: "Formation ou expérience en maraîchage ; envie de transmettre.",
  },
  {
    by: "admin",
    title: "Développeur·se web freelance — plateforme associative",
    publishedDaysAgo: 5,
    deadlineInDays: null,
    fields: {
      ...employer("Réseau des centres sociaux du Nord", "association"),
      contract: "freelance",
      city: "Lille",
      department: "59",
      workMode: "remote",
      howToApply: "https://centres-sociaux-nord.example/appel-a-prestataires",
      startInDays: 21,
    },
    intro:
      "Mission de 40 jours pour faire évoluer la plateforme d'inscription aux activités de nos 70 centres sociaux.",
    missions: [
      "Refondre le parcours d'inscription des familles",
      "Améliorer l'accessibilité (RGAA)",
      "Documenter et former l'équipe",
    ],
    profile: "Expérience React ou Django ; une sensibilité à l'accessibilité est un vrai plus.",
  },
  {
    by: "pro",
    title: "Chargé·e d'accompagnement des structures ESUS",
    publishedDaysAgo: 20,
    deadlineInDays: 40,
    filled: true,
    fields: {
      ...employer("Coopérative Les Ateliers du Rhône", "cooperative", { salaryMin: 30000, salaryMax: 33000 }),
      contract: "cdi",
      city: "Lyon",
      department: "69",
      workMode: "hybrid",
      howToApply: "recrutement@ateliers-du-rhone.example",
      startInDays: 15,
    },
    intro: "Poste pourvu, merci à toutes et tous pour vos candidatures !",
    missions: ["Accompagner les structures candidates à l'agrément ESUS", "Animer les ateliers collectifs"],
    profile: "Connaissance de l'ESS et du droit des sociétés coopératives.",
  },
  // Expired: past their deadline, or 60 days after publication without one.
  {
    by: "facilitator",
    title: "Animateur·rice socioculturel·le",
    publishedDaysAgo: 40,
    deadlineInDays: -12,
    fields: {
      ...employer("MJC de la Croix-Rousse", "association", { salaryMin: 23000, salaryMax: 24500 }),
      contract: "cdd",
      city: "Lyon",
      department: "69",
      workMode: "on_site",
      howToApply: "direction@mjc-croix-rousse.example",
      startInDays: -5,
    },
    intro: "Animation des ateliers jeunesse et des séjours d'été de la MJC.",
    missions: ["Animer les ateliers 11-17 ans", "Préparer les séjours d'été"],
    profile: "BPJEPS ou BAFD apprécié.",
  },
  {
    by: "admin",
    title: "Chargé·e de projet économie circulaire",
    publishedDaysAgo: 75,
    deadlineInDays: null,
    fields: {
      ...employer("Coopérative La Boucle", "cooperative", { salaryMin: 30000, salaryMax: 34000 }),
      contract: "cdi",
      city: "Marseille",
      department: "13",
      workMode: "hybrid",
      howToApply: "https://cooperative-la-boucle.example/jobs",
      startInDays: -20,
    },
    intro: "Développement de filières de réemploi des matériaux du BTP avec les collectivités du territoire.",
    missions: ["Monter les projets avec les collectivités", "Animer le réseau des entreprises partenaires"],
    profile: "Ingénieur·e ou master environnement.",
  },
  {
    by: "pro",
    title: "Assistant·e administratif·ve et financier·e",
    publishedDaysAgo: 30,
    deadlineInDays: -3,
    fields: {
      ...employer("Coopérative Les Ateliers du Rhône", "insertion", { salaryMin: 22000, salaryMax: 24000 }),
      contract: "cdd",
      city: "Lyon",
      department: "69",
      workMode: "on_site",
      howToApply: "recrutement@ateliers-du-rhone.example",
      startInDays: 5,
    },
    intro: "Remplacement d'un congé maternité de 6 mois au service administratif.",
    missions: ["Saisie comptable et suivi des factures", "Dossiers de financement de l'insertion"],
    profile: "BTS comptabilité ou gestion des PME.",
  },
];

function describe(offer: SeedOffer): RichTextDocument {
  const paragraph = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });
  return {
    type: "doc",
    content: [
      paragraph(offer.intro),
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Vos missions" }] },
      {
        type: "bulletList",
        content: offer.missions.map((text) => ({ type: "listItem" as const, content: [paragraph(text)] })),
      },
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Profil recherché" }] },
      paragraph(offer.profile),
    ],
  } as RichTextDocument;
}

/** A dozen realistic offers from varied ESS employers, a few expired or filled, with questions and trackers. */
export async function seedDemoOffers(db: Db, users: SeededUsers): Promise<void> {
  const [channel] = await db.select({ id: channels.id }).from(channels).where(eq(channels.slug, "offres")).limit(1);
  if (!channel) return;
  const today = parisToday();
  for (const seed of demoOffers) {
    const author = users[seed.by];
    if (!author) continue;
    const { startInDays, ...fields } = seed.fields;
    const deadline = seed.deadlineInDays === null ? null : addDays(today, seed.deadlineInDays);
    const { thread } = await createOffer(
      db,
      threadRow({
        channelId: channel.id,
        authorId: author.id,
        title: seed.title,
        body: describe(seed),
        fields: { ...fields, startDate: addDays(today, startInDays), deadline },
      }),
    );
    // Backdate the publication so the list reads like a living channel.
    const publishedAt = new Date(Date.now() - seed.publishedDaysAgo * 86_400_000);
    await db.update(posts).set({ createdAt: publishedAt }).where(eq(posts.threadId, thread.id));
    await db
      .update(jobOffers)
      .set({ publishedAt, expiresAt: offerExpiresAt({ deadline, publishedAt }) })
      .where(eq(jobOffers.threadId, thread.id));
    if (seed.filled) await setOfferFilled(db, { threadId: thread.id, actorId: author.id, filled: true });
    for (const question of seed.questions ?? []) {
      const asker = users[question.by];
      if (!asker) continue;
      const created = await createReply(
        db,
        replyRow({
          threadId: thread.id,
          authorId: asker.id,
          body: documentFromText(question.text),
        }),
      );
      if (!created.ok) continue;
      await db
        .update(posts)
        .set({ createdAt: new Date(publishedAt.getTime() + 5 * 3_600_000) })
        .where(eq(posts.id, created.post.id));
      // The offer's author has an unread notification of the question, as if it came through the app.
      await createNotification(db, {
        userId: thread.authorId,
        kind: "offer_question",
        actorId: asker.id,
        threadId: thread.id,
        postId: created.post.id,
        email: "digest",
      });
      const answerer = question.answer ? users[question.answer.by] : undefined;
      if (answerer && question.answer) {
        const answer = await createReply(
          db,
          replyRow({
            threadId: thread.id,
            authorId: answerer.id,
            body: documentFromText(question.answer.text),
            replyToId: created.post.id,
          }),
        );
        if (answer.ok)
          await db
            .update(posts)
            .set({ createdAt: new Date(publishedAt.getTime() + 8 * 3_600_000) })
            .where(eq(posts.id, answer.post.id));
      }
    }
    // Replies set the activity to now: put the thread back at its (backdated) last message.
    const lastActivityAt = new Date(publishedAt.getTime() + (seed.questions?.length ? 8 * 3_600_000 : 0));
    await db.update(threads).set({ createdAt: publishedAt, lastActivityAt }).where(eq(threads.id, thread.id));
    for (const entry of seed.tracker ?? []) {
      const member = users[entry.by];
      if (!member) continue;
      const { id } = await saveApplication(db, { userId: member.id, threadId: thread.id });
      await updateApplication(db, {
        id,
        userId: member.id,
        changes: {
          status: entry.status,
          appliedOn: entry.status === "to_apply" ? null : addDays(today, -2),
          interviewOn: null,
          decidedOn: null,
          note: entry.note,
        },
      });
    }
  }
}
