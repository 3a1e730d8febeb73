/**
 * Small helpers for the db integration tests: accounts, channel ids and documents.
 * Used only by *.test.ts files.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { RichTextDocument } from "@/lib/editor/document";
import { documentFromText } from "@/lib/editor/render";
import type { Actor } from "@/lib/permissions";
import type { Db } from "./client";
import { createUser } from "./queries/users";
import { channels, type User, type UserRole } from "./schema";

export { documentFromText };

/** Creates an active account with a unique email. Role defaults to `member` (never the first-account admin). */
export async function makeUser(db: Db, name: string, role: UserRole = "member"): Promise<User> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${randomUUID().slice(0, 8)}@example.org`;
  const user = await createUser(db, { name, email, passwordHash: "x", role });
  if (!user) throw new Error(`could not create user ${name}`);
  return user;
}

/** The actor a signed-in account acts as (what permissions and views take). */
export function actorOf(user: Pick<User, "id" | "role" | "status">): Actor {
  return { id: user.id, role: user.role, status: user.status };
}

/** Id of a channel seeded by the migrations: offres, cv, lettres, pitch, entraide, programme. */
export async function channelId(db: Db, slug: string): Promise<number> {
  const [row] = await db.select({ id: channels.id }).from(channels).where(eq(channels.slug, slug)).limit(1);
  if (!row) throw new Error(`no channel ${slug}`);
  return row.id;
}

/** A document whose paragraphs mention the given users, then some text. */
export function documentWithMentions(text: string, mentioned: { id: string; label: string }[]): RichTextDocument {
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          ...mentioned.flatMap((m) => [
            { type: "mention" as const, attrs: { id: m.id, label: m.label } },
            { type: "text" as const, text: " " },
          ]),
          { type: "text" as const, text },
        ],
      },
    ],
  };
}
