CREATE TYPE "public"."help_audience" AS ENUM('member', 'facilitator');--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'help.create';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'help.update';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'help.delete';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'help.reorder';--> statement-breakpoint
ALTER TYPE "public"."audit_target_type" ADD VALUE 'help_page';--> statement-breakpoint
CREATE TABLE "help_pages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_pages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"audience" "help_audience" DEFAULT 'member' NOT NULL,
	"title" text NOT NULL,
	"body" jsonb NOT NULL,
	"body_html" text DEFAULT '' NOT NULL,
	"body_text" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	CONSTRAINT "help_pages_slug_unique" UNIQUE("slug"),
	CONSTRAINT "help_pages_position_check" CHECK ("help_pages"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "help_pages" ADD CONSTRAINT "help_pages_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_pages_order_idx" ON "help_pages" USING btree ("audience","position","id");