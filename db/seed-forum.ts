import type { RichTextDocument } from "@/lib/editor/document";
import { documentFromText } from "@/lib/editor/render";
import type { Db } from "./client";
import { createReply } from "./queries/posts";
import { toggleReaction } from "./queries/reactions";
import { eq } from "drizzle-orm";
import { createThread } from "./queries/threads";
import { channels, threads } from "./schema";
import type { SeededUsers } from "./seed";
import { replyRow, threadRow } from "@/lib/forum/content";

type SeedReply = {
  by: string;
  text: string;
  answers?: { by: string; text: string }[];
  reactions?: [string, "👍" | "❤️" | "🎉" | "🙏" | "💡"][];
};
type SeedThread = {
  channel: string;
  by: string;
  title: string;
  body: RichTextDocument | string;
  replies: SeedReply[];
  /** Pinned by its (facilitator) author: the first thing a newcomer sees in its channel. */
  isPinned?: boolean;
};

const rich = (paragraphs: string[], items: string[], link?: { text: string; href: string }): RichTextDocument => ({
  type: "doc",
  content: [
    ...paragraphs.map((text) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] })),
    {
      type: "bulletList",
      content: items.map((text) => ({
        type: "listItem" as const,
        content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }],
      })),
    },
    ...(link
      ? [
          {
            type: "paragraph" as const,
            content: [
              {
                type: "text" as const,
                text: link.text,
                marks: [{ type: "link" as const, attrs: { href: link.href } }],
              },
            ],
          },
        ]
      : []),
  ],
});

const demoThreads: SeedThread[] = [
  {
    channel: "programme",
    by: "facilitator",
    title: "Bienvenue dans la communauté Pro'pulse !",
    isPinned: true,
    body: rich(
      ["Bonjour à toutes et à tous ! Cet espace remplace notre groupe Facebook. Vous y trouverez :"],
      [
        "les offres d'emploi de l'ESS, filtrables",
        "des relectures de CV et de lettres",
        "l'entraînement au pitch",
        "l'entraide, avec des pros de l'ESS",
      ],
      { text: "Le programme en détail", href: "https://propulse.example/programme" },
    ),
    replies: [
      {
        by: "camille",
        text: "Merci Nadia ! Hâte de tester la relecture de CV.",
        reactions: [
          ["facilitator", "❤️"],
          ["yanis", "👍"],
        ],
      },
      {
        by: "yanis",
        text: "Super, c'est bien plus clair que le groupe. On peut recevoir des notifications ?",
        answers: [{ by: "facilitator", text: "Oui, elles arrivent très bientôt !" }],
      },
    ],
  },
  {
    channel: "entraide",
    by: "camille",
    title: "Comment valoriser un service civique dans un CV ?",
    body: "J'ai fait 8 mois de service civique dans une épicerie solidaire. Je ne sais pas si je dois le mettre en expérience professionnelle ou en engagement. Vous faites comment ?",
    replies: [
      {
        by: "pro",
        text: "En expérience professionnelle, sans hésiter : c'est une vraie mission, avec des responsabilités. Décrivez ce que vous avez fait et les résultats (nombre de bénéficiaires, partenariats créés…).",
        reactions: [
          ["camille", "🙏"],
          ["yanis", "💡"],
        ],
        answers: [{ by: "camille", text: "Merci beaucoup, je reprends ma section expériences ce soir." }],
      },
      { by: "yanis", text: "Pareil pour moi, un recruteur m'a dit que ça comptait autant qu'un CDD." },
    ],
  },
  {
    channel: "entraide",
    by: "yanis",
    title: "Alternance en gestion associative : par où commencer ?",
    body: "Je cherche une alternance pour la rentrée. Les associations recrutent-elles des alternants, et où trouver les offres ?",
    replies: [
      {
        by: "facilitator",
        text: "Oui ! Regardez le salon Offres d'emploi et les sites des fédérations. On en parle à l'atelier de jeudi.",
      },
    ],
  },
  {
    channel: "entraide",
    by: "yanis",
    title: "Candidature spontanée : comment relancer ?",
    body: "J'ai envoyé une candidature spontanée à une coopérative il y a trois semaines, sans réponse. Je relance par mail ou par téléphone ?",
    replies: [
      {
        by: "pro",
        text: "Par téléphone, au bout de dix à quinze jours : demandez qui s'occupe des recrutements et proposez un court échange. Un mail de relance de trois lignes ensuite, en rappelant votre projet.",
        reactions: [["yanis", "🙏"]],
      },
    ],
  },
  {
    channel: "entraide",
    by: "camille",
    title: "Relancer une candidature spontanée sans réponse ?",
    body: "Même question que beaucoup ici je crois : combien de temps attendre avant de relancer une candidature spontanée ?",
    replies: [],
  },
  {
    channel: "programme",
    by: "facilitator",
    title: "Atelier pitch jeudi 18 h : qui vient ?",
    body: "On s'entraîne au pitch d'une minute, en petits groupes. Apportez votre offre cible !",
    replies: [
      { by: "camille", text: "Présente !", reactions: [["facilitator", "🎉"]] },
      { by: "yanis", text: "Je serai là aussi." },
    ],
  },
];

/** The channels created by the migrations, by slug. */
export async function channelIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: channels.id, slug: channels.slug }).from(channels);
  return new Map(rows.map((row) => [row.slug, row.id]));
}

/** A small, living community for newcomers: threads with nested replies and reactions. */
export async function seedDemoForum(db: Db, users: SeededUsers): Promise<void> {
  const channelId = await channelIdsBySlug(db);
  for (const seed of demoThreads) {
    const author = users[seed.by];
    const channel = channelId.get(seed.channel);
    if (!author || !channel) continue;
    const body = typeof seed.body === "string" ? documentFromText(seed.body) : seed.body;
    const { thread } = await createThread(
      db,
      threadRow({ channelId: channel, authorId: author.id, title: seed.title, body }),
    );
    if (seed.isPinned) {
      // Directly: the seed runs in server.ts, outside Next, where server-only query modules cannot load.
      await db.update(threads).set({ isPinned: true }).where(eq(threads.id, thread.id));
    }
    for (const reply of seed.replies) {
      const replyAuthor = users[reply.by];
      if (!replyAuthor) continue;
      const created = await createReply(
        db,
        replyRow({
          threadId: thread.id,
          authorId: replyAuthor.id,
          body: documentFromText(reply.text),
        }),
      );
      if (!created.ok) continue;
      for (const [who, emoji] of reply.reactions ?? []) {
        const reactor = users[who];
        if (reactor) await toggleReaction(db, { postId: created.post.id, userId: reactor.id, emoji });
      }
      for (const answer of reply.answers ?? []) {
        const answerAuthor = users[answer.by];
        if (answerAuthor) {
          await createReply(
            db,
            replyRow({
              threadId: thread.id,
              authorId: answerAuthor.id,
              body: documentFromText(answer.text),
              replyToId: created.post.id,
            }),
          );
        }
      }
    }
  }
}
