-- Page comments used to start with "Commentaire sur la page N (version V)" written in the
-- commenter's language; the label is now shown by the page in each reader's language, so the
-- stored text keeps only what the commenter wrote.
UPDATE "posts"
SET
  "body" = jsonb_set("body", '{content}', ("body" -> 'content') - 0),
  "body_html" = regexp_replace("body_html", '^<p>[^<]*</p>', ''),
  "body_text" = regexp_replace("body_text", '^[^\n]*\n+', '')
WHERE "id" IN (SELECT "post_id" FROM "review_page_comments")
  AND "body_text" ~ '^(Commentaire sur (la page|une zone)|Comment on (page|an area))'
  AND jsonb_array_length("body" -> 'content') > 1;
