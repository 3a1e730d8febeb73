import { hashPassword } from "@/lib/auth/password";
import type { RichTextDocument } from "@/lib/editor/document";
import { documentText, excerptOf, renderDocumentHtml } from "@/lib/editor/render";
import { slugify } from "@/lib/slug";
import type { Db } from "@/db/client";
import { channels, posts, threads, users } from "@/db/schema";
import { BENCH_PASSWORD } from "./lib";

export const BENCH_CHANNEL = "banc-d-essai";

const SENTENCES = [
  "J'ai postulé la semaine dernière dans une association d'insertion et j'attends leur réponse avec impatience.",
  "Pour le CV, mettez en avant les missions concrètes de votre service civique, avec des chiffres si possible.",
  "Les structures de l'économie sociale et solidaire regardent beaucoup la motivation et le sens du projet.",
  "Est-ce que quelqu'un a déjà passé un entretien collectif dans une coopérative ? Comment ça se passe ?",
  "Je vous conseille de contacter directement la chargée de recrutement sur le réseau professionnel.",
  "Le pitch d'une minute doit dire qui vous êtes, ce que vous cherchez et ce que vous apportez.",
  "Les mutuelles recrutent souvent en alternance : pensez à regarder leurs offres au printemps.",
  "Merci pour vos retours, j'ai réécrit ma lettre de motivation en partant de l'offre elle-même.",
  "Une bonne lettre parle de la structure, de son projet, et de ce que vous y ferez dès le premier mois.",
  "N'oubliez pas les fondations et les entreprises solidaires d'utilité sociale dans vos recherches.",
];

function pick(seed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => SENTENCES[(seed * 7 + i * 3) % SENTENCES.length]).join(" ");
}

/** Realistic French posts of 200–800 characters, some with a list and a link. */
function documentFor(seed: number): RichTextDocument {
  const text = pick(seed, 2 + (seed % 6));
  const content: RichTextDocument["content"] = [{ type: "paragraph", content: [{ type: "text", text }] }];
  if (seed % 4 === 0) {
    content.push({
      type: "bulletList",
      content: ["Relire l'offre", "Adapter le CV", "Préparer trois questions"].map((item) => ({
        type: "listItem" as const,
        content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: item }] }],
      })),
    });
  }
  if (seed % 5 === 0) {
    content.push({
      type: "paragraph",
      content: [
        { type: "text", text: "Plus d'infos : " },
        {
          type: "text",
          text: "le guide de l'ESS",
          marks: [{ type: "link", attrs: { href: "https://www.ess-france.org/" } }],
        },
      ],
    });
  }
  return { type: "doc", content };
}

/**
 * The standard workload: one public channel, `threadCount` threads of `postsPerThread` posts,
 * `memberCount` members (password BENCH_PASSWORD). Bulk inserts, in one transaction per thread.
 */
export async function seedWorkload(db: Db, { threadCount = 200, postsPerThread = 20, memberCount = 50 } = {}) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const members = await db
    .insert(users)
    .values(
      Array.from({ length: memberCount }, (_, i) => ({
        name: `Membre ${i + 1}`,
        email: `membre-${i + 1}@bench.test`,
        passwordHash,
        emailVerified: new Date(),
      })),
    )
    .returning({ id: users.id, email: users.email });
  const [channel] = await db
    .insert(channels)
    .values({
      slug: BENCH_CHANNEL,
      name: "Banc d'essai",
      description: "Charge de référence",
      visibility: "public",
      kind: "discussion",
      position: 99,
    })
    .returning({ id: channels.id });
  const start = Date.now() - threadCount * 60_000;
  for (let t = 0; t < threadCount; t++) {
    const author = members[t % members.length]!;
    const title = `Question ${t + 1} : ${SENTENCES[t % SENTENCES.length]!.slice(0, 60)}`;
    const opening = documentFor(t);
    const posters = Array.from({ length: postsPerThread }, (_, p) => members[(t + p * 7) % members.length]!.id);
    await db.transaction(async (tx) => {
      const [thread] = await tx
        .insert(threads)
        .values({
          channelId: channel!.id,
          authorId: author.id,
          title,
          slug: slugify(title),
          excerpt: excerptOf(documentText(opening)),
          replyCount: postsPerThread - 1,
          lastPostNumber: postsPerThread,
          lastActivityAt: new Date(start + t * 60_000),
          recentPosterIds: [...new Set(posters.toReversed())].slice(0, 5),
        })
        .returning({ id: threads.id });
      await tx.insert(posts).values(
        posters.map((authorId, p) => {
          const body = p === 0 ? opening : documentFor(t * 31 + p);
          return {
            threadId: thread!.id,
            authorId,
            number: p + 1,
            body,
            bodyText: documentText(body),
            bodyHtml: renderDocumentHtml(body),
            createdAt: new Date(start + t * 60_000 + p * 1_000),
          };
        }),
      );
    });
  }
  const firstThread = await db.query.threads.findFirst({ where: (table, { eq }) => eq(table.channelId, channel!.id) });
  return { members, channelSlug: BENCH_CHANNEL, sampleThread: firstThread! };
}
