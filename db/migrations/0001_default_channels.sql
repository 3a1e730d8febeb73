-- The six channels every Pro'pulse community starts with. Slugs are stable: code and links rely on them.
INSERT INTO "channels" ("slug", "name", "description", "rules", "visibility", "kind", "allows_questions", "position") VALUES
('offres', 'Offres d''emploi', 'Les offres d''emploi, de stage et d''alternance dans l''économie sociale et solidaire, partagées par les pros et par les membres.', 'Une offre par fil. Indiquez la structure, le contrat, le lieu et la date limite. Pas de démarchage commercial.', 'public', 'offers', false, 1),
('cv', 'Relecture de CV', 'Déposez votre CV et recevez des retours bienveillants et concrets de la communauté.', 'Anonymisez ce que vous voulez garder pour vous. Des retours précis, respectueux et utiles.', 'members', 'review', false, 2),
('lettres', 'Relecture de lettres de motivation', 'Faites relire vos lettres de motivation avant de les envoyer.', 'Précisez le poste et la structure visés. Critiquez le texte, jamais la personne.', 'members', 'review', false, 3),
('pitch', 'Entraînement au pitch', 'Entraînez-vous à vous présenter en 30 secondes, 1 minute ou 2 minutes, et recevez des retours.', 'Écoutez jusqu''au bout avant de répondre. Un point fort, un point à travailler.', 'members', 'pitch', false, 4),
('entraide', 'Entraide & questions', 'Posez vos questions sur la recherche d''emploi dans l''ESS : les membres et les pros vous répondent.', 'Cherchez avant de poser une question. Marquez la réponse qui vous a aidé·e.', 'members', 'discussion', true, 5),
('programme', 'Vie du programme', 'Actualités, ateliers et rendez-vous du programme Pro''pulse. Encouragez-vous, partagez vos victoires !', 'Bienveillance avant tout. Les informations personnelles restent privées.', 'members', 'discussion', false, 6)
ON CONFLICT ("slug") DO NOTHING;
