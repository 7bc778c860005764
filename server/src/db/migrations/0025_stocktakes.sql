CREATE TABLE "stocktake_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktake_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stocktake_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"expected" boolean NOT NULL,
	"recorded_location_id" bigint,
	"scan_count" integer DEFAULT 0 NOT NULL,
	"scanned_location_id" bigint,
	"scanned_code" varchar(100),
	"scanned_by" varchar(200),
	"scanned_at" timestamp with time zone,
	"last_scanned_at" timestamp with time zone,
	"outcome" varchar(20),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stocktake_lines_scan_count_check" CHECK ("stocktake_lines"."scan_count" >= 0),
	CONSTRAINT "stocktake_lines_scanned_check" CHECK ("stocktake_lines"."expected" or "stocktake_lines"."scan_count" > 0),
	CONSTRAINT "stocktake_lines_outcome_check" CHECK ("stocktake_lines"."outcome" in ('moved', 'marked_lost'))
);
--> statement-breakpoint
CREATE TABLE "stocktakes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktakes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"location_id" bigint NOT NULL,
	"state" varchar(20) DEFAULT 'open' NOT NULL,
	"note" text,
	"started_by" varchar(200),
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" varchar(200),
	"closed_at" timestamp with time zone,
	"move_unexpected" boolean DEFAULT false NOT NULL,
	"mark_missing_lost" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stocktakes_state_check" CHECK ("stocktakes"."state" in ('open', 'closed')),
	CONSTRAINT "stocktakes_closed_check" CHECK (("stocktakes"."state" = 'closed') = ("stocktakes"."closed_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "inventory_items" ADD COLUMN "last_audited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_recorded_location_id_locations_id_fk" FOREIGN KEY ("recorded_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_scanned_location_id_locations_id_fk" FOREIGN KEY ("scanned_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD CONSTRAINT "stocktakes_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_lines_stocktake_item_key" ON "stocktake_lines" USING btree ("stocktake_id","item_id");--> statement-breakpoint
CREATE INDEX "stocktake_lines_item_idx" ON "stocktake_lines" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktakes_open_location_key" ON "stocktakes" USING btree ("location_id") WHERE "stocktakes"."state" = 'open';--> statement-breakpoint
CREATE INDEX "stocktakes_location_idx" ON "stocktakes" USING btree ("location_id","id");--> statement-breakpoint
CREATE INDEX "stocktakes_state_idx" ON "stocktakes" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "inventory_items_last_audited_idx" ON "inventory_items" USING btree ("last_audited_at");