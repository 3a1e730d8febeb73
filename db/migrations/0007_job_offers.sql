CREATE TYPE "public"."application_status" AS ENUM('to_apply', 'applied', 'interview', 'rejected', 'accepted');--> statement-breakpoint
CREATE TYPE "public"."ess_family" AS ENUM('association', 'cooperative', 'mutual', 'foundation', 'esus', 'insertion', 'other');--> statement-breakpoint
CREATE TYPE "public"."offer_contract" AS ENUM('cdi', 'cdd', 'internship', 'apprenticeship', 'civic_service', 'freelance');--> statement-breakpoint
CREATE TYPE "public"."offer_origin" AS ENUM('employer', 'shared');--> statement-breakpoint
CREATE TYPE "public"."salary_period" AS ENUM('year', 'month');--> statement-breakpoint
CREATE TYPE "public"."work_mode" AS ENUM('on_site', 'hybrid', 'remote');--> statement-breakpoint
CREATE TABLE "job_offers" (
	"thread_id" bigint PRIMARY KEY NOT NULL,
	"origin" "offer_origin" NOT NULL,
	"organisation" text NOT NULL,
	"ess_family" "ess_family" NOT NULL,
	"contract" "offer_contract" NOT NULL,
	"city" text NOT NULL,
	"department" text NOT NULL,
	"work_mode" "work_mode" NOT NULL,
	"salary_min" integer,
	"salary_max" integer,
	"salary_period" "salary_period" DEFAULT 'year' NOT NULL,
	"start_date" date NOT NULL,
	"deadline" date,
	"how_to_apply" text NOT NULL,
	"source_url" text,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"filled_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_offers_salary_check" CHECK ("job_offers"."salary_min" is null or "job_offers"."salary_max" is null or "job_offers"."salary_min" <= "job_offers"."salary_max")
);
--> statement-breakpoint
CREATE TABLE "offer_applications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "offer_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"thread_id" bigint NOT NULL,
	"status" "application_status" DEFAULT 'to_apply' NOT NULL,
	"applied_on" date,
	"interview_on" date,
	"decided_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"thread_id" bigint,
	"post_id" bigint,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_offers" ADD CONSTRAINT "job_offers_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_applications" ADD CONSTRAINT "offer_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_applications" ADD CONSTRAINT "offer_applications_thread_id_job_offers_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."job_offers"("thread_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_thread_id_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_offers_published_idx" ON "job_offers" USING btree ("published_at" DESC NULLS FIRST,"thread_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "job_offers_contract_idx" ON "job_offers" USING btree ("contract","published_at" DESC NULLS FIRST,"thread_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "job_offers_department_idx" ON "job_offers" USING btree ("department","published_at" DESC NULLS FIRST,"thread_id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "job_offers_expires_idx" ON "job_offers" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_applications_user_thread_idx" ON "offer_applications" USING btree ("user_id","thread_id");--> statement-breakpoint
CREATE INDEX "offer_applications_user_updated_idx" ON "offer_applications" USING btree ("user_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "offer_applications_thread_idx" ON "offer_applications" USING btree ("thread_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_idx" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_post_idx" ON "notifications" USING btree ("post_id");