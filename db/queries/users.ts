import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users, userTokens, type User, type UserRole, type UserStatus } from "../schema";

export type PublicUser = Pick<
  User,
  | "id"
  | "name"
  | "role"
  | "status"
  | "headline"
  | "bio"
  | "organisation"
  | "expertise"
  | "seeking"
  | "location"
  | "createdAt"
>;

const publicColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  status: users.status,
  headline: users.headline,
  bio: users.bio,
  organisation: users.organisation,
  expertise: users.expertise,
  seeking: users.seeking,
  location: users.location,
  createdAt: users.createdAt,
};

export async function getUserById(db: DbOrTx, { id }: { id: string }): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

/** A profile as other members see it: never the email or the password hash. */
export async function getPublicProfile(db: DbOrTx, { id }: { id: string }): Promise<PublicUser | null> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function getUserByEmail(db: DbOrTx, { email }: { email: string }): Promise<User | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .limit(1);
  return row ?? null;
}

export type CreateUserParams = {
  name: string;
  email: string;
  passwordHash: string;
  role?: UserRole;
  status?: UserStatus;
  emailVerified?: Date | null;
};

/** Whether the instance has an admin account (active or not): the setup wizard ran, or was not needed. */
export async function hasAdmin(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  return Boolean(row);
}

/**
 * Creates an account. Without an explicit role, the very first account of an instance becomes
 * `admin`: an advisory lock serialises concurrent sign-ups so only one can be first.
 * Returns null when the email is already taken.
 */
export async function createUser(db: DbOrTx, params: CreateUserParams): Promise<User | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7461001)`);
    let role = params.role;
    if (!role) {
      const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
      role = existing ? "member" : "admin";
    }
    const [row] = await tx
      .insert(users)
      .values({
        name: params.name,
        email: params.email.trim(),
        passwordHash: params.passwordHash,
        role,
        status: params.status ?? "active",
        emailVerified: params.emailVerified ?? null,
      })
      .onConflictDoNothing()
      .returning();
    return row ?? null;
  });
}

export async function updateProfile(
  db: DbOrTx,
  params: {
    userId: string;
    name: string;
    headline: string | null;
    bio: string | null;
    organisation: string | null;
    expertise: string[];
    seeking: string | null;
    location: string | null;
  },
): Promise<PublicUser | null> {
  const { userId, ...values } = params;
  const [row] = await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning(publicColumns);
  return row ?? null;
}

/** Replaces the password and voids every existing session of the account. */
export async function setPassword(db: DbOrTx, { userId, passwordHash }: { userId: string; passwordHash: string }) {
  await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

export async function setUserLocale(db: DbOrTx, { userId, locale }: { userId: string; locale: string }) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function markEmailVerified(db: DbOrTx, { userId }: { userId: string }) {
  await db
    .update(users)
    .set({ emailVerified: new Date() })
    .where(and(eq(users.id, userId), isNull(users.emailVerified)));
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type UserTokenKind = "verify_email" | "reset_password";

/** Issues a single-use token; only its hash is stored. Returns the clear token for the email link. */
export async function createUserToken(
  db: DbOrTx,
  { userId, kind, ttlMinutes }: { userId: string; kind: UserTokenKind; ttlMinutes: number },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(userTokens).values({
    userId,
    kind,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + ttlMinutes * 60_000),
  });
  return token;
}

/** Marks a valid token used and returns its user id, or null when unknown, expired or used. */
export async function consumeUserToken(
  db: DbOrTx,
  { token, kind }: { token: string; kind: UserTokenKind },
): Promise<string | null> {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.kind, kind),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: userTokens.userId });
  return row?.userId ?? null;
}

/** Active members whose name starts with (or has a word starting with) `query`: mention autocomplete. */
export async function searchMembers(db: DbOrTx, { query, limit = 8 }: { query: string; limit?: number }) {
  const pattern = query.replace(/[\\%_]/g, (char) => `\\${char}`);
  return db
    .select({ id: users.id, name: users.name, role: users.role, organisation: users.organisation })
    .from(users)
    .where(
      and(
        eq(users.status, "active"),
        sql`(${users.name} ilike ${pattern + "%"} or ${users.name} ilike ${"% " + pattern + "%"})`,
      ),
    )
    .orderBy(users.name)
    .limit(limit);
}

/** The longest-standing active facilitator or admin: the author of the programme's own threads. */
export async function findProgrammeVoiceId(db: DbOrTx): Promise<string | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ["facilitator", "admin"]), eq(users.status, "active")))
    .orderBy(sql`case ${users.role} when 'facilitator' then 0 else 1 end`, asc(users.createdAt))
    .limit(1);
  return row?.id ?? null;
}
