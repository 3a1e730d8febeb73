CREATE TABLE "network_offers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "network_offers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"source_id" bigint NOT NULL,
	"remote_id" integer NOT NULL,
	"url" text NOT NULL,
	"title" text NOT NULL,
	"organisation" text NOT NULL,
	"ess_family" "ess_family" NOT NULL,
	"contract" "offer_contract" NOT NULL,
	"work_mode" "work_mode" NOT NULL,
	"city" text NOT NULL,
	"department" text NOT NULL,
	"excerpt" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_sources" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "network_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"base_url" text NOT NULL,
	"name" text NOT NULL,
	"added_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "network_offers" ADD CONSTRAINT "network_offers_source_id_network_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."network_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_sources" ADD CONSTRAINT "network_sources_added_by_id_users_id_fk" FOREIGN KEY ("added_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_offers_source_remote_key" ON "network_offers" USING btree ("source_id","remote_id");--> statement-breakpoint
CREATE INDEX "network_offers_published_idx" ON "network_offers" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "network_offers_url_idx" ON "network_offers" USING btree ("url");--> statement-breakpoint
CREATE UNIQUE INDEX "network_sources_base_url_key" ON "network_sources" USING btree ("base_url");