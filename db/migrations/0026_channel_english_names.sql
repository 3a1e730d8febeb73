ALTER TABLE "channels" ADD COLUMN "name_en" text;--> statement-breakpoint
-- The channels the migrations created get their English names (unless a facilitator renamed them).
UPDATE "channels" SET "name_en" = "names"."en"
FROM (VALUES
  ('offres', 'Offres d''emploi', 'Job offers'),
  ('cv', 'Relecture de CV', 'CV reviews'),
  ('lettres', 'Relecture de lettres de motivation', 'Cover letter reviews'),
  ('pitch', 'Entraînement au pitch', 'Pitch practice'),
  ('entraide', 'Entraide & questions', 'Help & questions'),
  ('programme', 'Vie du programme', 'Programme news'),
  ('cafe', 'Café Pote Emploi', 'Job Buddy Café'),
  ('victoires', 'Victoires', 'Wins')
) AS "names" ("slug", "fr", "en")
WHERE "channels"."slug" = "names"."slug" AND "channels"."name" = "names"."fr";
