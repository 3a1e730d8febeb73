import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  digestFrequencies,
  emailModes,
  followLevels,
  type Delivery,
  type NotificationType,
} from "@/lib/domain/notifications";
import { channels, posts, threads } from "./forum";
import { users } from "./users";

export const followLevel = pgEnum("follow_level", followLevels);
export const emailMode = pgEnum("email_mode", emailModes);
export const digestFrequency = pgEnum("digest_frequency", digestFrequencies);

/**
 * Something that happened for a member. `kind` is a `NotificationType` (text, so a new type
 * needs no migration); the optional ids let queries join, check permissions when delivering
 * and cascade; `payload` carries what the text needs. Delivery is decided once, when the
 * notification is created, from the member's preferences: `email` says whether it goes out
 * at once or in the digest, `emailedAt`/`pushedAt` record that it did.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationType>().notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    threadId: bigint("thread_id", { mode: "number" }).references(() => threads.id, { onDelete: "cascade" }),
    postId: bigint("post_id", { mode: "number" }).references(() => posts.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Shown in the bell (false: e-mail or push only). */
    inBell: boolean("in_bell").notNull().default(true),
    email: emailMode("email").notNull().default("off"),
    push: boolean("push").notNull().default(false),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    pushedAt: timestamp("pushed_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    // The bell's count: a member's unread notifications, without touching the read ones.
    index("notifications_user_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null and ${t.inBell}`),
    // The digest's pick: notifications waiting for it.
    index("notifications_digest_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.email} = 'digest' and ${t.emailedAt} is null`),
    index("notifications_post_idx").on(t.postId),
    index("notifications_thread_idx").on(t.threadId),
  ],
);

export type Notification = typeof notifications.$inferSelect;

/** A member's level on a thread. Starting or replying to a thread writes `watching`. */
export const threadFollows = pgTable(
  "thread_follows",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    level: followLevel("level").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_follows_user_idx").on(t.userId)],
);

/** A member's level on a channel: `watching` notifies every new thread and reply in it. */
export const channelFollows = pgTable(
  "channel_follows",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => channels.id, { onDelete: "cascade" }),
    level: followLevel("level").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.userId] }), index("channel_follows_user_idx").on(t.userId)],
);

/**
 * How each type reaches a member; a missing row or a missing type means the defaults
 * (`DEFAULT_DELIVERY`). Quiet hours are in the member's time zone.
 */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  delivery: jsonb("delivery").$type<Partial<Record<NotificationType, Delivery>>>().notNull().default({}),
  digest: digestFrequency("digest").notNull().default("weekly"),
  quietStart: smallint("quiet_start").notNull().default(22),
  quietEnd: smallint("quiet_end").notNull().default(8),
  timeZone: text("time_zone").notNull().default("Europe/Paris"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A browser that accepted push notifications (one row per device). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endpoint: text("endpoint").notNull(),
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    userAgent: text("user_agent"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_idx").on(t.endpoint),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

/** Filters of the offers page saved with one click: a new matching offer notifies (`offer_match`). */
export const savedOfferSearches = pgTable(
  "saved_offer_searches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The page's query string, normalised (`contract=cdi&dept=69`). */
    query: text("query").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_offer_searches_user_query_idx").on(t.userId, t.query)],
);

/**
 * One row per member and digest period (`2026-W49`, `2026-12-01`): written before the digest
 * is sent, marked sent after, so a resumed or duplicated job never sends one twice.
 */
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    itemCount: integer("item_count").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.period] })],
);
