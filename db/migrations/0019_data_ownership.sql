ALTER TYPE "public"."audit_action" ADD VALUE 'user.erase';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'data.export';--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"storage_key" text,
	"byte_size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ready_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "inactivity_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_requests" ADD COLUMN "retention_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_requests" ADD COLUMN "files_expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_user_idx" ON "data_exports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "data_exports_one_pending_idx" ON "data_exports" USING btree ("user_id") WHERE "data_exports"."status" = 'pending';--> statement-breakpoint
-- custom SQL (keep when regenerating)
-- An erased account writes nothing more: an upload or a post whose transaction was waiting on the
-- erasure's row lock fails once it commits (the publishing pipeline then removes the stored bytes),
-- so no file or post is left behind under the tombstone.
CREATE OR REPLACE FUNCTION refuse_erased_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the column naming the account (owner_id, author_id).
  IF EXISTS (SELECT 1 FROM users WHERE id = (to_jsonb(NEW) ->> TG_ARGV[0])::uuid AND erased_at IS NOT NULL) THEN
    RAISE EXCEPTION 'account erased' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER stored_files_refuse_erased BEFORE INSERT ON "stored_files"
  FOR EACH ROW EXECUTE FUNCTION refuse_erased_account('owner_id');
--> statement-breakpoint
CREATE TRIGGER posts_refuse_erased BEFORE INSERT ON "posts"
  FOR EACH ROW EXECUTE FUNCTION refuse_erased_account('author_id');
