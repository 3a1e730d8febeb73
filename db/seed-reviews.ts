import { randomUUID } from "node:crypto";
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { documentFromText } from "@/lib/editor/render";
import { getStorage } from "@/lib/storage";
import type { Db } from "./client";
import { createPageComment, createReviewFeedback, createReviewRequest, listReviewRequests } from "./queries/reviews";
import type { RubricScores } from "./schema";
import type { SeededUsers } from "./seed";
import { channelIdsBySlug } from "./seed-forum";
import { replyRow, threadRow } from "@/lib/forum/content";

/** Demo review threads: a CV (PDF) with a pro's review and a page comment, a pasted letter, a written pitch. */
export async function seedDemoReviews(db: Db, users: SeededUsers) {
  const { camille, yanis, pro, facilitator } = users;
  if (!camille || !yanis || !pro || !facilitator) return;
  const channelIds = await channelIdsBySlug(db);

  const cv = await makeDemoCv();
  const storageKey = `reviews/${randomUUID()}`;
  await getStorage().put(storageKey, cv, "application/pdf");
  const cvRequest = await createReviewRequest(
    db,
    threadRow({
      channelId: channelIds.get("cv")!,
      authorId: camille.id,
      title: "Mon CV pour un poste de chargée de projet alimentation durable",
      body: documentFromText("Est-ce que mon alternance ressort assez ? Et la deuxième page est-elle utile ?"),
      docKind: "cv",
      target: "Chargée de projet alimentation durable (tiers-lieu, association)",
      feedbackWanted: "Est-ce que mon alternance ressort assez ? Et la deuxième page est-elle utile ?",
      file: {
        storageKey,
        contentType: "application/pdf",
        byteSize: cv.byteLength,
        pageCount: 2,
        originalName: "cv-camille-durand.pdf",
      },
    }),
  );
  const cvVersion = await firstVersion(db, cvRequest.thread.id);
  await createPageComment(
    db,
    replyRow({
      threadId: cvRequest.thread.id,
      versionId: cvVersion.id,
      authorId: pro.id,
      page: 1,
      rect: { x: 0.07, y: 0.15, w: 0.86, h: 0.14 },
      body: documentFromText("Chiffrez l'alternance : combien de vélos réparés, de bénévoles formés ?"),
      idempotencyKey: randomUUID(),
    }),
  );
  await review(
    db,
    cvRequest.thread.id,
    cvVersion.id,
    pro.id,
    { readability: 3, fit: [2, "Citez le projet alimentaire de la structure visée."], achievements: 3, spelling: 4 },
    [
      "Lisibilité et structure : 3/4",
      "Adéquation au poste et à l'ESS : 2/4 — Citez le projet alimentaire de la structure visée.",
      "Réalisations concrètes : 3/4",
      "Orthographe : 4/4",
      "",
      "Un beau parcours. La deuxième page peut tenir en trois lignes sous « Engagements ».",
    ],
  );

  const letter =
    "Madame, Monsieur,\n\nBénévole depuis trois ans dans une association d'éducation populaire, je souhaite rejoindre votre centre social comme animateur en alternance. J'y apporterai mon expérience des ateliers jeunesse et mon envie de construire les projets avec les habitants.\n\nJe serais heureux de vous rencontrer.\n\nYanis Haddad";
  const letterRequest = await createReviewRequest(
    db,
    threadRow({
      channelId: channelIds.get("lettres")!,
      authorId: yanis.id,
      title: "Lettre pour une alternance en centre social",
      body: documentFromText("Je trouve mon accroche un peu plate : des idées ?"),
      docKind: "letter",
      target: "Animateur socioculturel en alternance",
      feedbackWanted: "Je trouve mon accroche un peu plate : des idées ?",
      letterText: letter,
    }),
  );
  const letterVersion = await firstVersion(db, letterRequest.thread.id);
  await review(
    db,
    letterRequest.thread.id,
    letterVersion.id,
    facilitator.id,
    { hook: [2, "Commencez par un atelier que vous avez mené."], motivation: 3, examples: 3, tone: 4 },
    [
      "Accroche : 2/4 — Commencez par un atelier que vous avez mené.",
      "Motivation pour la structure : 3/4",
      "Exemples : 3/4",
      "Ton : 4/4",
    ],
  );

  const pitch =
    "Bonjour, je m'appelle Camille. Diplômée d'un master ESS, j'ai coordonné pendant deux ans un atelier vélo solidaire. Je veux mettre cette énergie au service d'un tiers-lieu nourricier.";
  const pitchRequest = await createReviewRequest(
    db,
    threadRow({
      channelId: channelIds.get("pitch")!,
      authorId: camille.id,
      title: "Mon pitch d'une minute pour les tiers-lieux",
      body: documentFromText(pitch),
      kind: "pitch",
      docKind: "pitch",
      target: "Chargée de projet dans un tiers-lieu",
      feedbackWanted: "",
      letterText: pitch,
    }),
  );
  const pitchVersion = await firstVersion(db, pitchRequest.thread.id);
  await review(
    db,
    pitchRequest.thread.id,
    pitchVersion.id,
    yanis.id,
    { hook: 4, clarity: 3, conviction: 3, ess: [4, "Le lien avec l'alimentation durable est clair."] },
    [
      "Accroche : 4/4",
      "Clarté : 3/4",
      "Conviction : 3/4",
      "Lien avec l'ESS : 4/4 — Le lien avec l'alimentation durable est clair.",
    ],
  );
}

/** Version 1 of a request just written (its id keys reviews and page comments). */
async function firstVersion(db: Db, threadId: number) {
  return (await listReviewRequests(db, { threadIds: [threadId] })).get(threadId)!.versions[0]!;
}

/** A structured review as the rubric form writes it: scores (with optional comments) and the post's lines. */
async function review(
  db: Db,
  threadId: number,
  versionId: number,
  authorId: string,
  scores: Record<string, number | [number, string]>,
  lines: string[],
) {
  const rubric: RubricScores = Object.fromEntries(
    Object.entries(scores).map(([criterion, value]) => [
      criterion,
      Array.isArray(value) ? { score: value[0], comment: value[1] } : { score: value },
    ]),
  );
  await createReviewFeedback(
    db,
    replyRow({
      threadId,
      versionId,
      authorId,
      body: documentFromText(lines.join("\n")),
      scores: rubric,
      idempotencyKey: randomUUID(),
    }),
  );
}

/** A two-page CV laid out like a real one (the demo's preview and page comments need a document). */
export async function makeDemoCv(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("CV Camille Durand");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const teal = rgb(0.06, 0.42, 0.42);
  const write = (page: PDFPage, lines: [string, number, PDFFont?][], startY: number) => {
    let y = startY;
    for (const [text, size, font] of lines) {
      if (text)
        page.drawText(text, {
          x: 56,
          y,
          size,
          font: font ?? regular,
          color: font === bold ? teal : rgb(0.1, 0.1, 0.1),
        });
      y -= size + 9;
    }
  };
  const first = doc.addPage([595, 842]);
  write(
    first,
    [
      ["Camille Durand", 26, bold],
      ["Chargée de projet alimentation durable · Lyon · camille.durand@example.org", 11],
      ["", 8],
      ["Expériences", 15, bold],
      ["2024–2026 · Alternance, chargée de projet — Atelier vélo solidaire La Roue Libre", 11],
      ["Coordination de 40 bénévoles, ateliers d'autoréparation, partenariat avec la Métropole.", 10],
      ["2023 · Service civique — Épicerie solidaire Le Panier Commun (8 mois)", 11],
      ["Accueil des bénéficiaires, approvisionnement auprès de producteurs locaux.", 10],
      ["", 8],
      ["Formation", 15, bold],
      ["2026 · Master Économie sociale et solidaire — Université Lumière Lyon 2", 11],
      ["2023 · Licence de géographie et aménagement", 11],
      ["", 8],
      ["Compétences", 15, bold],
      ["Gestion de projet · Animation de bénévoles · Montage de dossiers de subvention", 11],
    ],
    770,
  );
  const second = doc.addPage([595, 842]);
  write(
    second,
    [
      ["Engagements", 15, bold],
      ["Bénévole au festival Alimenterre · Membre d'une AMAP depuis 2021", 11],
      ["", 8],
      ["Langues", 15, bold],
      ["Anglais (B2) · Espagnol (B1)", 11],
      ["", 8],
      ["Centres d'intérêt", 15, bold],
      ["Cuisine anti-gaspillage · Randonnée · Tiers-lieux", 11],
    ],
    770,
  );
  return doc.save();
}
