CREATE TABLE "surveys" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"basis" text NOT NULL,
	"due_on" date NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"question_version" smallint,
	"situation" text,
	"satisfaction" smallint,
	"helped" text[] DEFAULT '{}'::text[] NOT NULL,
	"comment" text,
	CONSTRAINT "surveys_basis_check" CHECK ("surveys"."basis" in ('cohort_end','outcome')),
	CONSTRAINT "surveys_satisfaction_check" CHECK ("surveys"."satisfaction" between 1 and 5),
	CONSTRAINT "surveys_answer_check" CHECK ("surveys"."answered_at" is null or ("surveys"."question_version" is not null and "surveys"."situation" is not null and "surveys"."satisfaction" is not null))
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "surveys_invited_idx" ON "surveys" USING btree ("invited_at");--> statement-breakpoint
CREATE INDEX "surveys_answered_idx" ON "surveys" USING btree ("answered_at") WHERE "surveys"."answered_at" is not null;--> statement-breakpoint
CREATE INDEX "surveys_open_idx" ON "surveys" USING btree ("invited_at") WHERE "surveys"."answered_at" is null and "surveys"."reminded_at" is null;