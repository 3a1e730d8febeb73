import { sql } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import { createUser } from "./queries/users";
import { threadRow } from "@/lib/forum/content";
import { documentFromText } from "@/lib/editor/render";
import { createThread } from "./queries/threads";
import { channels, users, type UserRole } from "./schema";
import { seedDemoCommunity } from "./seed-community";
import { seedDemoForum } from "./seed-forum";
import { seedDemoOffers } from "./seed-offers";
import { seedDemoReviews } from "./seed-reviews";
import { seedDemoRhythm } from "./seed-rhythm";
import { seedDemoOutcomes } from "./seed-outcomes";
import { seedDemoMessages } from "./seed-messages";
import { applyHelpPages, builtInHelpPages } from "@/lib/help/template";

/** Documented in README: every demo account uses this password. */
export const DEMO_PASSWORD = "propulse-demo";

export const demoAccounts: {
  key: string;
  name: string;
  email: string;
  role: UserRole;
  headline: string;
  organisation?: string;
  expertise?: string[];
  bio?: string;
}[] = [
  {
    key: "admin",
    name: "Alex Martin",
    email: "admin@propulse.demo",
    role: "admin",
    headline: "Coordination du programme Pro'pulse",
  },
  {
    key: "facilitator",
    name: "Nadia Benali",
    email: "animation@propulse.demo",
    role: "facilitator",
    headline: "Animatrice de la promo Lyon 2026",
    bio: "J'anime les ateliers du jeudi et je suis là pour répondre à vos questions sur le programme.",
  },
  {
    key: "pro",
    name: "Julien Roux",
    email: "pro@propulse.demo",
    role: "pro",
    headline: "Responsable RH dans une coopérative d'insertion",
    organisation: "Coopérative Les Ateliers du Rhône",
    expertise: ["recrutement", "insertion", "RH associatives"],
    bio: "Quinze ans de recrutement dans l'ESS. Je relis volontiers vos CV et vos lettres.",
  },
  {
    key: "camille",
    name: "Camille Durand",
    email: "camille@propulse.demo",
    role: "member",
    headline: "Master ESS, je cherche un poste de chargée de projet",
    bio: "Diplômée en juin, passionnée d'alimentation durable et de tiers-lieux.",
  },
  {
    key: "yanis",
    name: "Yanis Haddad",
    email: "yanis@propulse.demo",
    role: "member",
    headline: "Licence pro gestion associative",
    bio: "Je cherche une alternance ou un premier CDD dans l'animation socioculturelle.",
  },
];

export type SeededUsers = Record<string, { id: string; name: string }>;

/** Creates the demo accounts and forum content. Skips accounts whose email already exists. */
export async function seedDemoContent(db: Db): Promise<SeededUsers> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const seeded: SeededUsers = {};
  for (const account of demoAccounts) {
    const created = await createUser(db, {
      name: account.name,
      email: account.email,
      passwordHash,
      role: account.role,
      emailVerified: new Date(),
    });
    const row =
      created ??
      (await db.query.users.findFirst({ where: sql`lower(${users.email}) = lower(${account.email})` })) ??
      null;
    if (!row) continue;
    await db
      .update(users)
      .set({
        headline: account.headline,
        bio: account.bio ?? null,
        organisation: account.organisation ?? null,
        expertise: account.expertise ?? [],
      })
      .where(sql`${users.id} = ${row.id}`);
    seeded[account.key] = { id: row.id, name: row.name };
  }
  await seedDemoForum(db, seeded);
  await seedDemoCommunity(db, seeded, passwordHash);
  // The offres channel holds structured offers (db/seed-offers.ts).
  await seedDemoOffers(db, seeded);
  // A CV with a pro's review and a page comment, a pasted letter, a written pitch.
  await seedDemoReviews(db, seeded);
  await seedStaffChannel(db, seeded);
  // Check-in weeks, activities and the welcome thread (the home page's "Ma semaine").
  await seedDemoRhythm(db, seeded);
  // Cohorts (one finished: alumni) and "J'ai trouvé !" declarations under each sharing choice.
  await seedDemoOutcomes(db, seeded, passwordHash);
  // Private conversations (one with a CV attached) and a binôme, after the alumni exist.
  await seedDemoMessages(db, seeded);
  await seedDemoFollowsAndNotifications(db);
  // The in-app help (/aide): Pro'pulse's pages (will move into the programme template).
  await applyHelpPages(db, builtInHelpPages("propulse"));
  return seeded;
}

/** The facilitators' own channel (visibility `staff`): members neither see nor find it. */
async function seedStaffChannel(db: Db, seeded: SeededUsers): Promise<void> {
  const facilitator = seeded.facilitator;
  if (!facilitator) return;
  const [channel] = await db
    .insert(channels)
    .values({
      slug: "equipe",
      name: "Équipe d'animation",
      description: "Le salon des animatrices et animateurs : suivi des membres, préparation des ateliers.",
      visibility: "staff",
      position: 100,
    })
    .onConflictDoNothing()
    .returning();
  if (!channel) return;
  await createThread(
    db,
    threadRow({
      channelId: channel.id,
      authorId: facilitator.id,
      title: "Préparer le Café Pote Emploi de lundi",
      body: documentFromText("Qui anime lundi ? Pensez à relancer les membres qu'on n'a pas vus depuis deux semaines."),
    }),
  );
}

/**
 * The demo content is written by queries, not through the publishing pipeline: give it what the
 * pipeline would have left. Posters follow their threads, and each thread's author has the
 * notifications of the replies (those of the last day unread), so the bell of every demo account
 * has something to show. Offer questions already have theirs (seed-offers.ts).
 */
async function seedDemoFollowsAndNotifications(db: Db): Promise<void> {
  await db.execute(sql`
    insert into thread_follows (user_id, thread_id, level)
    select distinct author_id, thread_id, 'watching'::follow_level from posts where deleted_at is null
    on conflict do nothing`);
  await db.execute(sql`
    insert into notifications (user_id, kind, actor_id, thread_id, post_id, created_at, read_at)
    select t.author_id, case when t.kind in ('review', 'pitch') then 'review' else 'reply_to_me' end,
      p.author_id, t.id, p.id, p.created_at,
      case when p.created_at < now() - interval '1 day' then p.created_at end
    from posts p join threads t on t.id = p.thread_id
    where p.number > 1 and p.author_id <> t.author_id and p.deleted_at is null and t.kind <> 'offer'`);
}

/** Seeds only a database without any account: never touches a community in use. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if ((row?.count ?? 0) > 0) return false;
  await seedDemoContent(db);
  return true;
}
