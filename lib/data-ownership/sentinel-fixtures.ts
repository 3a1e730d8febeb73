/**
 * Test fixtures (tests only): a member who touched every table, each value carrying a sentinel
 * (`zqxqz…`), so a scan of the database and of the storage folder can tell what is left of them.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { createReply } from "@/db/queries/posts";
import { createThread } from "@/db/queries/threads";
import type { Db } from "@/db";
import { users, type User } from "@/db/schema";
import { channelId, documentFromText, makeUser } from "@/db/test-factories";
import { hashPassword } from "@/lib/auth/password";
import { replyRow, threadRow } from "@/lib/forum/content";
import { getStorage } from "@/lib/storage";
import { eq } from "drizzle-orm";

export const SENTINEL = "zqxqz";
export const MEMBER_PASSWORD = "sentinel-password-42";

type Rows<T> = { rows: T[] };
const one = async <T>(db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows<T>).rows[0]!;

export type SentinelMember = { user: User; storageKeys: string[]; otherUser: User; threadIds: number[] };

/** Creates a member with sentinel values in every table they can touch, and files in storage. */
export async function seedSentinelMember(db: Db, tag = ""): Promise<SentinelMember> {
  const s = (what: string) => `${SENTINEL}${tag}${what}`;
  const other = await makeUser(db, `Autre membre ${tag}`);
  const base = await makeUser(db, `Membre ${tag}`);
  const [user] = await db
    .update(users)
    .set({
      name: `${s("Name")} Dupont`,
      email: `${s("mail")}@example.org`,
      passwordHash: await hashPassword(MEMBER_PASSWORD),
      headline: s("Headline"),
      bio: s("Bio"),
      organisation: s("Orga"),
      seeking: s("Seeking"),
      location: s("Location"),
      expertise: [s("Expertise")],
      lastSeenAt: new Date(),
    })
    .where(eq(users.id, base.id))
    .returning();
  const u = user!.id;

  // A discussion thread, a reply by the member in someone else's thread, an edit history.
  const { thread, postId } = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "entraide"),
      authorId: u,
      title: `${s("Title")} question`,
      body: documentFromText(`${s("Body")} ouverture`),
    }),
  );
  const othersThread = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "entraide"),
      authorId: other.id,
      title: "Un fil d'une autre personne",
      body: documentFromText("Bonjour à toutes et tous"),
    }),
  );
  const reply = await createReply(
    db,
    replyRow({ threadId: othersThread.thread.id, authorId: u, body: documentFromText(`${s("Reply")} merci`) }),
  );
  if (!reply.ok) throw new Error("reply failed");
  await createReply(
    db,
    replyRow({ threadId: thread.id, authorId: other.id, body: documentFromText("Une réponse d'une autre personne") }),
  );
  await db.execute(sql`insert into post_revisions (post_id, version, body, body_html, editor_id, created_at)
    values (${postId}, 1, ${JSON.stringify({ type: "doc", content: [] })}::jsonb, ${`<p>${s("Revision")}</p>`}, ${u}, now())`);

  // A CV review request with a PDF, a letter pasted as text, feedback and a page comment on others' CV.
  const cv = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "cv"),
      authorId: u,
      title: `CV ${s("CvTitle")}`,
      body: documentFromText(`${s("CvBody")} relisez-moi`),
      kind: "review",
    }),
  );
  const storageKeys: string[] = [];
  const putFile = async (name: string, contentType: string) => {
    const key = randomUUID();
    await getStorage().put(key, new TextEncoder().encode(`%PDF-1.4 ${s("FileBytes")}`), contentType);
    storageKeys.push(key);
    return one<{ id: string }>(
      db,
      sql`insert into stored_files (owner_id, storage_key, content_type, byte_size, original_name)
        values (${u}, ${key}, ${contentType}, 20, ${name}) returning id`,
    );
  };
  const cvFile = await putFile(`${s("CvFile")}.pdf`, "application/pdf");
  await db.execute(sql`insert into review_requests (thread_id, doc_kind, target, feedback_wanted)
    values (${cv.thread.id}, 'cv', ${s("Target")}, ${s("Wanted")})`);
  const version = await one<{ id: number }>(
    db,
    sql`insert into review_versions (thread_id, number, file_id, letter_text)
      values (${cv.thread.id}, 1, ${cvFile.id}, ${s("Letter")}) returning id`,
  );
  const othersCv = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "cv"),
      authorId: other.id,
      title: "CV de quelqu'un d'autre",
      body: documentFromText("Relisez-moi"),
      kind: "review",
    }),
  );
  await db.execute(sql`insert into review_requests (thread_id, doc_kind, target, feedback_wanted)
    values (${othersCv.thread.id}, 'cv', 'Chargée de mission', 'Tout')`);
  const othersVersion = await one<{ id: number }>(
    db,
    sql`insert into review_versions (thread_id, number) values (${othersCv.thread.id}, 1) returning id`,
  );
  const feedback = await createReply(
    db,
    replyRow({ threadId: othersCv.thread.id, authorId: u, body: documentFromText(`${s("Feedback")} bravo`) }),
  );
  if (!feedback.ok) throw new Error("feedback failed");
  await db.execute(sql`insert into review_feedback (post_id, thread_id, version_id, author_id, scores)
    values (${feedback.post.id}, ${othersCv.thread.id}, ${othersVersion.id}, ${u}, '{"clarity": 3}'::jsonb)`);
  await db.execute(sql`insert into review_page_comments (post_id, thread_id, version_id, page)
    values (${feedback.post.id}, ${othersCv.thread.id}, ${othersVersion.id}, 1)`);
  // A pitch recording attached to a reply.
  const audio = await putFile(`${s("Recording")}.webm`, "audio/webm");
  await db.execute(sql`insert into post_attachments (file_id, post_id) values (${audio.id}, ${reply.post.id})`);
  void version;

  // An offer the member published, and one they track.
  const offer = await createThread(
    db,
    threadRow({
      channelId: await channelId(db, "offres"),
      authorId: u,
      title: `Offre ${s("OfferTitle")}`,
      body: documentFromText(`${s("OfferBody")} description`),
      kind: "offer",
    }),
  );
  await db.execute(sql`insert into job_offers (thread_id, origin, organisation, ess_family, contract, city, department,
      work_mode, start_date, how_to_apply, expires_at)
    values (${offer.thread.id}, 'employer', ${s("OfferOrg")}, 'association', 'cdd', ${s("City")}, '69', 'hybrid',
      current_date, ${`${s("apply")}@example.org`}, now() + interval '30 days')`);
  await db.execute(sql`insert into offer_applications (user_id, thread_id, note)
    values (${u}, ${offer.thread.id}, ${s("AppNote")})`);

  // Weekly rhythm: a check-in, an activity they host, an RSVP, a calendar feed.
  const week = await one<{ id: number }>(
    db,
    sql`insert into checkin_weeks (week_start, questions) values ('2026-11-30', '{}'::jsonb)
      on conflict (week_start) do update set week_start = excluded.week_start returning id`,
  );
  await db.execute(sql`insert into checkins (week_id, user_id, goals, good_news, difficulty, help_wanted)
    values (${week.id}, ${u}, ${JSON.stringify([s("Goal")])}::jsonb, ${s("GoodNews")}, ${s("Difficulty")}, ${s("Help")})`);
  const activity = await one<{ id: number }>(
    db,
    sql`insert into activities (title, description, kind, starts_at, ends_at, host_id, proposed_by_id, status, place)
      values (${s("Activity")}, ${s("ActivityDesc")}, 'atelier', now() + interval '2 days', now() + interval '2 days 1 hour',
        ${u}, ${u}, 'published', ${s("Place")}) returning id`,
  );
  await db.execute(
    sql`insert into activity_rsvps (activity_id, user_id, response) values (${activity.id}, ${u}, 'going')`,
  );
  await db.execute(
    sql`insert into activity_rsvps (activity_id, user_id, response) values (${activity.id}, ${other.id}, 'going')`,
  );
  await db.execute(sql`insert into calendar_feeds (user_id, token_hash) values (${u}, ${s("FeedHash")})`);

  // Private rows: drafts, reactions, reads, follows, notifications, devices, searches, tokens, requests.
  await db.execute(sql`insert into drafts (user_id, target, payload)
    values (${u}, ${`reply:${othersThread.thread.id}`}, ${JSON.stringify({ text: s("Draft") })}::jsonb)`);
  await db.execute(sql`insert into reactions (post_id, user_id, emoji) values (${othersThread.postId}, ${u}, '👍')`);
  await db.execute(sql`insert into mentions (post_id, user_id) values (${othersThread.postId}, ${u})`);
  await db.execute(
    sql`insert into thread_reads (user_id, thread_id, last_read_number) values (${u}, ${othersThread.thread.id}, 2)`,
  );
  await db.execute(
    sql`insert into thread_follows (user_id, thread_id, level) values (${u}, ${othersThread.thread.id}, 'watching')`,
  );
  await db.execute(
    sql`insert into channel_follows (user_id, channel_id, level) values (${u}, ${await channelId(db, "entraide")}, 'muted')`,
  );
  await db.execute(sql`insert into notification_settings (user_id, time_zone) values (${u}, 'Europe/Paris')`);
  await db.execute(
    sql`insert into notifications (user_id, kind, payload) values (${u}, 'reply', ${JSON.stringify({ title: s("Notif") })}::jsonb)`,
  );
  await db.execute(sql`insert into notifications (user_id, kind, actor_id, thread_id, post_id, payload)
    values (${other.id}, 'reply', ${u}, ${thread.id}, ${postId}, '{}'::jsonb)`);
  await db.execute(sql`insert into digest_deliveries (user_id, period) values (${u}, ${s("Period")})`);
  await db.execute(sql`insert into push_subscriptions (user_id, endpoint, p256dh, auth, user_agent)
    values (${u}, ${`https://push.example.org/${s("Endpoint")}`}, ${s("P256")}, ${s("Auth")}, ${s("Agent")})`);
  await db.execute(sql`insert into saved_offer_searches (user_id, query) values (${u}, ${s("Search")})`);
  await db.execute(
    sql`insert into api_tokens (user_id, name, token_hash, prefix) values (${u}, ${s("TokenName")}, ${s("TokenHash")}, 'ppo_x')`,
  );
  await db.execute(
    sql`insert into user_tokens (user_id, kind, token_hash, expires_at) values (${u}, 'reset_password', ${s("ResetHash")}, now() + interval '1 hour')`,
  );
  await db.execute(
    sql`insert into admission_requests (user_id, answers) values (${u}, ${JSON.stringify({ why: s("Answer") })}::jsonb)`,
  );
  await db.execute(sql`insert into pro_requests (user_id, organisation, job_title, proof_url)
    values (${u}, ${s("ProOrg")}, ${s("JobTitle")}, ${`https://example.org/${s("Proof")}`})`);
  await db.execute(
    sql`insert into reports (post_id, reporter_id, reason) values (${othersThread.postId}, ${u}, ${s("Report")})`,
  );
  await db.execute(sql`insert into rate_limit_events (key) values (${`posts:${u}`})`);
  await db.execute(sql`insert into audit_log (actor_id, action, target_type, target_id, target_user_id, reason, details)
    values (${other.id}, 'user.suspend', 'user', ${u}, ${u}, ${s("AuditReason")}, ${JSON.stringify({ note: s("AuditDetails") })}::jsonb)`);
  await db.execute(sql`insert into data_exports (user_id, status) values (${u}, 'failed')`);
  // The six-month survey, answered with a free comment.
  await db.execute(sql`insert into surveys (user_id, basis, due_on, answered_at, question_version, situation,
      satisfaction, helped, comment)
    values (${u}, 'outcome', current_date, now(), 1, 'cdi', 5, array['pros'], ${s("SurveyComment")})`);

  // A private conversation: the member's message carrying a CV, and a reaction to the other's.
  const conversation = await one<{ id: number }>(
    db,
    sql`insert into conversations (created_by_id, last_number) values (${u}, 2) returning id`,
  );
  await db.execute(sql`insert into conversation_participants (conversation_id, user_id)
    values (${conversation.id}, ${u}), (${conversation.id}, ${other.id})`);
  const ownMessage = await one<{ id: number }>(
    db,
    sql`insert into conversation_messages (conversation_id, number, author_id, body, body_html, body_text, idempotency_key)
      values (${conversation.id}, 1, ${u}, '{"type":"doc","content":[]}'::jsonb, ${`<p>${s("MsgText")}</p>`},
        ${s("MsgText")}, ${randomUUID()}) returning id`,
  );
  const othersMessage = await one<{ id: number }>(
    db,
    sql`insert into conversation_messages (conversation_id, number, author_id, body, body_html, body_text, idempotency_key)
      values (${conversation.id}, 2, ${other.id}, '{"type":"doc","content":[]}'::jsonb, '<p>Merci</p>', 'Merci',
        ${randomUUID()}) returning id`,
  );
  const messageFile = await putFile(`${s("MsgFile")}.pdf`, "application/pdf");
  await db.execute(
    sql`insert into conversation_message_files (file_id, message_id) values (${messageFile.id}, ${ownMessage.id})`,
  );
  await db.execute(sql`insert into conversation_message_reactions (message_id, user_id, emoji)
    values (${othersMessage.id}, ${u}, '👍')`);

  return {
    user: user!,
    storageKeys,
    otherUser: other,
    threadIds: [thread.id, cv.thread.id, offer.thread.id],
  };
}

/** Tables (schema-qualified) holding the sentinel, with the number of rows; every table scanned. */
export async function tablesContaining(db: Db, needle: string): Promise<Record<string, number>> {
  const tables = (await db.execute(sql`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('public', 'pgboss') and table_type = 'BASE TABLE'`)) as unknown as Rows<{
    schema: string;
    name: string;
  }>;
  const found: Record<string, number> = {};
  for (const table of tables.rows) {
    const { n } = await one<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table.schema)}.${sql.identifier(table.name)} as x
        where lower(x::text) like ${`%${needle.toLowerCase()}%`}`,
    );
    if (n > 0) found[`${table.schema}.${table.name}`] = n;
  }
  return found;
}
