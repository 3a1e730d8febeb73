import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { userRoles, userStatuses } from "@/lib/domain/users";

export { userRoles, userStatuses };
export type { UserRole, UserStatus } from "@/lib/domain/users";

export const userRole = pgEnum("user_role", userRoles);
export const userStatus = pgEnum("user_status", userStatuses);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true }),
    image: text("image"),
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("member"),
    status: userStatus("status").notNull().default("active"),
    /** Bumped on password, role or status change: sessions carrying an older value are void. */
    sessionVersion: integer("session_version").notNull().default(1),
    headline: text("headline"),
    bio: text("bio"),
    organisation: text("organisation"),
    /** The job a member looks for, and where (onboarding; pros matching questions). */
    seeking: text("seeking"),
    location: text("location"),
    expertise: text("expertise")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    locale: text("locale"),
    suspendedUntil: timestamp("suspended_until", { withTimezone: true }),
    /** Two-factor sign-in (TOTP): the secret, encrypted with a key derived from AUTH_SECRET. */
    totpSecret: text("totp_secret"),
    /** Null while the secret is only proposed (set up, not yet confirmed with a code). */
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last 30-second step a code was accepted for: a code is never accepted twice. */
    totpLastStep: integer("totp_last_step"),
    suspensionReason: text("suspension_reason"),
    /** Last successful sign-in: inactive accounts are reminded at 3 years, anonymised a month later. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    /** When the "your account has been inactive for 3 years" e-mail went (cleared by a sign-in). */
    inactivityRemindedAt: timestamp("inactivity_reminded_at", { withTimezone: true }),
    /** Set when the account was erased: the row stays as "Ancien membre" so threads keep their authors. */
    erasedAt: timestamp("erased_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`), index("users_role_idx").on(t.role)],
);

export const userTokenKinds = ["verify_email", "reset_password"] as const;
export const userTokenKind = pgEnum("user_token_kind", userTokenKinds);

/** Single-use tokens sent by email. Only a SHA-256 of the token is stored. */
export const userTokens = pgTable(
  "user_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: userTokenKind("kind").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_tokens_hash_idx").on(t.tokenHash), index("user_tokens_user_idx").on(t.userId, t.kind)],
);

export type User = typeof users.$inferSelect;

/**
 * One row per signed-in device. The session cookie (a JWT) carries the row's id: signing out
 * revokes the row, so a copied cookie dies with it; `last_seen_at` drives the idle limit.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

export type UserSession = typeof userSessions.$inferSelect;

/** Single-use codes that replace the authenticator app once each; only a SHA-256 is stored. */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_recovery_codes_hash_idx").on(t.userId, t.codeHash)],
);
