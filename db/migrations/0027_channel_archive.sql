ALTER TYPE "public"."audit_action" ADD VALUE 'channel.archive' BEFORE 'user.suspend';--> statement-breakpoint
ALTER TYPE "public"."audit_action" ADD VALUE 'channel.restore' BEFORE 'user.suspend';--> statement-breakpoint
ALTER TABLE "channels" ADD COLUMN "archived_at" timestamp with time zone;