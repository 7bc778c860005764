CREATE TABLE "dashboards" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dashboards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"owner_user_id" bigint NOT NULL,
	"name" varchar(100) NOT NULL,
	"widgets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "valuation_dates" (
	"as_of" date PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "valuation_rollup" (
	"as_of" date NOT NULL,
	"location_id" bigint,
	"category_id" bigint,
	"status" varchar(20) NOT NULL,
	"items" integer NOT NULL,
	"cost" numeric NOT NULL,
	"book_value" numeric NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboards" ADD CONSTRAINT "dashboards_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboards_owner_idx" ON "dashboards" USING btree ("owner_user_id","id");--> statement-breakpoint
CREATE INDEX "valuation_rollup_as_of_idx" ON "valuation_rollup" USING btree ("as_of");