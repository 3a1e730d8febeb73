-- French full-text search (issue 14). Hand-written: the search columns are maintained by the
-- database and deliberately absent from the Drizzle schema, so `select()` of posts or users never
-- ships a tsvector to the app. PGlite loads both extensions in db/client.ts (`extensions`).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change): pinning the dictionary makes it safe
-- to use in an index expression.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION immutable_array_to_string(text[], text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, $2), '') $$;
--> statement-breakpoint
-- French stemming on unaccented words: "élève" = "eleve", "candidatures" finds "candidature".
CREATE TEXT SEARCH CONFIGURATION public.french_unaccent (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION public.french_unaccent
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, french_stem;
--> statement-breakpoint
-- The searchable text of a post: the thread's title (A) on the opening post, the body text (B).
CREATE OR REPLACE FUNCTION post_search_vector(title text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce(body, '')), 'B') $$;
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "search_vector" tsvector;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION posts_search_vector_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := post_search_vector(
    CASE WHEN NEW.number = 1 THEN (SELECT t.title FROM threads t WHERE t.id = NEW.thread_id) END,
    NEW.body_text);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER posts_search_vector BEFORE INSERT OR UPDATE OF body_text, number ON "posts"
  FOR EACH ROW EXECUTE FUNCTION posts_search_vector_trigger();
--> statement-breakpoint
-- A renamed thread: its opening post carries the new title.
CREATE OR REPLACE FUNCTION threads_title_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE posts SET search_vector = post_search_vector(NEW.title, body_text)
    WHERE thread_id = NEW.id AND number = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER threads_title_search AFTER UPDATE OF title ON "threads"
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION threads_title_search_trigger();
--> statement-breakpoint
UPDATE "posts" p SET search_vector = post_search_vector(CASE WHEN p.number = 1 THEN t.title END, p.body_text)
  FROM "threads" t WHERE t.id = p.thread_id;
--> statement-breakpoint
CREATE INDEX "posts_search_idx" ON "posts" USING gin ("search_vector");
--> statement-breakpoint
-- Titles alone (suggestions, and the title candidates of a ranked search).
CREATE INDEX "threads_title_search_idx" ON "threads" USING gin (to_tsvector('public.french_unaccent'::regconfig, "title"));
--> statement-breakpoint
-- Search results by date: newest matching posts read in order when the words are common.
CREATE INDEX "posts_created_idx" ON "posts" ("created_at" DESC, "id" DESC);
--> statement-breakpoint
-- Similar titles and typo tolerance: trigrams of the lower-cased, unaccented title, stored
-- (unaccent per row would cost more than the comparison itself when a plan scans the table).
ALTER TABLE "threads" ADD COLUMN "title_key" text GENERATED ALWAYS AS (immutable_unaccent(lower("title"))) STORED;
--> statement-breakpoint
CREATE INDEX "threads_title_trgm_idx" ON "threads" USING gin ("title_key" gin_trgm_ops);
--> statement-breakpoint
-- Typo tolerance: the distinct words of titles (unaccented, lower case), trigram-indexed. A
-- misspelt word is replaced by its closest known word, then searched normally: comparing short
-- words is cheap, comparing every title with word_similarity is not.
CREATE TABLE "search_words" ("word" text PRIMARY KEY);
--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION threads_search_words_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_words (word)
    SELECT DISTINCT w FROM regexp_split_to_table(NEW.title_key, '[^[:alnum:]]+') AS w WHERE length(w) >= 3
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER threads_search_words AFTER INSERT OR UPDATE OF title ON "threads"
  FOR EACH ROW EXECUTE FUNCTION threads_search_words_trigger();
--> statement-breakpoint
INSERT INTO "search_words" ("word")
  SELECT DISTINCT w FROM "threads", regexp_split_to_table("title_key", '[^[:alnum:]]+') AS w WHERE length(w) >= 3
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Member search: name (A), headline and organisation (B), expertise (C), bio (D).
ALTER TABLE "users" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce("name", '')), 'A')
  || setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce("headline", '') || ' ' || coalesce("organisation", '')), 'B')
  || setweight(to_tsvector('public.french_unaccent'::regconfig, immutable_array_to_string("expertise", ' ')), 'C')
  || setweight(to_tsvector('public.french_unaccent'::regconfig, coalesce("bio", '')), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "users_search_idx" ON "users" USING gin ("search_vector");
