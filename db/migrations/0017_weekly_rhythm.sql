CREATE TYPE "public"."activity_status" AS ENUM('proposed', 'published', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."rsvp_response" AS ENUM('going', 'waitlisted', 'maybe', 'declined');--> statement-breakpoint
CREATE TABLE "activities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"visio_url" text,
	"capacity" integer,
	"host_id" uuid NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"status" "activity_status" DEFAULT 'proposed' NOT NULL,
	"decided_by_id" uuid,
	"thread_id" bigint,
	"recap_post_id" bigint,
	"cancel_reason" text,
	"reminded_day_before_at" timestamp with time zone,
	"reminded_hour_before_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_rsvps" (
	"activity_id" bigint NOT NULL,
	"user_id" uuid NOT NULL,
	"response" "rsvp_response" NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attendance" text,
	CONSTRAINT "activity_rsvps_activity_id_user_id_pk" PRIMARY KEY("activity_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "checkin_weeks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkin_weeks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"week_start" date NOT NULL,
	"thread_id" bigint,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkin_weeks_week_start_unique" UNIQUE("week_start")
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"week_id" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"goals" jsonb NOT NULL,
	"review" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"good_news" text DEFAULT '' NOT NULL,
	"difficulty" text DEFAULT '' NOT NULL,
	"help_wanted" text DEFAULT '' NOT NULL,
	"staff_only" boolean DEFAULT false NOT NULL,
	"post_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "seeking" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_recap_post_id_posts_id_fk" FOREIGN KEY ("recap_post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rsvps" ADD CONSTRAINT "activity_rsvps_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_rsvps" ADD CONSTRAINT "activity_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_weeks" ADD CONSTRAINT "checkin_weeks_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_week_id_checkin_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."checkin_weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_status_start_idx" ON "activities" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "activity_rsvps_user_idx" ON "activity_rsvps" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "activity_rsvps_queue_idx" ON "activity_rsvps" USING btree ("activity_id","response","responded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_user_week_idx" ON "checkins" USING btree ("user_id","week_id");--> statement-breakpoint
CREATE INDEX "checkins_week_idx" ON "checkins" USING btree ("week_id");--> statement-breakpoint
-- The weekly check-ins' channel: members only, not watched by default (one thread per week, many replies).
INSERT INTO "channels" ("slug", "name", "description", "rules", "visibility", "kind", "allows_questions", "position") VALUES
('cafe', 'Café Pote Emploi', 'Chaque semaine, partagez vos objectifs, vos avancées et vos coups de pouce. Un fil par semaine.', 'On encourage, on ne juge pas. Ce qui se dit au café reste entre membres.', 'members', 'discussion', false, 7)
ON CONFLICT ("slug") DO NOTHING;
