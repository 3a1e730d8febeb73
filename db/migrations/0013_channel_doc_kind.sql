ALTER TABLE "channels" ADD COLUMN "doc_kind" "review_doc_kind";--> statement-breakpoint
-- The review and pitch channels created by 0001/0011 say which document they hold (it was guessed from the slug).
UPDATE "channels" SET "doc_kind" = 'letter' WHERE "kind" = 'review' AND "slug" = 'lettres';--> statement-breakpoint
UPDATE "channels" SET "doc_kind" = 'cv' WHERE "kind" = 'review' AND "doc_kind" IS NULL;
-- Pitch channels hold pitches by their kind. ('pitch' cannot be written here: on a fresh database
-- 0011 adds that enum value in the same transaction, and PostgreSQL refuses a value not yet committed.)
