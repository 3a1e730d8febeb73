CREATE TABLE "review_page_comments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_page_comments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"post_id" bigint NOT NULL,
	"thread_id" bigint NOT NULL,
	"version_id" bigint NOT NULL,
	"page" integer NOT NULL,
	"rect" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_page_comments_post_id_unique" UNIQUE("post_id")
);
--> statement-breakpoint
ALTER TABLE "review_page_comments" ADD CONSTRAINT "review_page_comments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_page_comments" ADD CONSTRAINT "review_page_comments_thread_id_review_requests_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."review_requests"("thread_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_page_comments" ADD CONSTRAINT "review_page_comments_version_id_review_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."review_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_page_comments_thread_idx" ON "review_page_comments" USING btree ("thread_id","version_id");