CREATE TABLE "stock_levels" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_levels_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"location_id" bigint NOT NULL,
	"quantity" numeric(14, 3) DEFAULT '0' NOT NULL,
	"min_level" numeric(14, 3),
	"reorder_point" numeric(14, 3),
	"reorder_quantity" numeric(14, 3),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "stock_levels_quantity_check" CHECK ("stock_levels"."quantity" >= 0),
	CONSTRAINT "stock_levels_min_level_check" CHECK ("stock_levels"."min_level" >= 0),
	CONSTRAINT "stock_levels_reorder_point_check" CHECK ("stock_levels"."reorder_point" >= 0),
	CONSTRAINT "stock_levels_reorder_quantity_check" CHECK ("stock_levels"."reorder_quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"kind" varchar(20) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"from_location_id" bigint,
	"to_location_id" bigint,
	"balance_after" numeric(14, 3) NOT NULL,
	"reason" text,
	"unit_cost" numeric(14, 2),
	"reference" varchar(200),
	"issued_to_user_id" bigint,
	"performed_by" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_kind_check" CHECK ("stock_movements"."kind" in ('receive', 'issue', 'adjust', 'transfer_out', 'transfer_in')),
	CONSTRAINT "stock_movements_quantity_check" CHECK ("stock_movements"."quantity" > 0),
	CONSTRAINT "stock_movements_unit_cost_check" CHECK ("stock_movements"."unit_cost" >= 0),
	CONSTRAINT "stock_movements_places_check" CHECK (case "stock_movements"."kind"
        when 'receive' then "stock_movements"."from_location_id" is null and "stock_movements"."to_location_id" is not null
        when 'issue' then "stock_movements"."from_location_id" is not null and "stock_movements"."to_location_id" is null
        when 'adjust' then num_nonnulls("stock_movements"."from_location_id", "stock_movements"."to_location_id") = 1
        else coalesce("stock_movements"."from_location_id" <> "stock_movements"."to_location_id", false) end)
);
--> statement-breakpoint
ALTER TABLE "inventory_items" ADD COLUMN "tracking" varchar(10) DEFAULT 'serial' NOT NULL;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD COLUMN "unit" varchar(20);--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_issued_to_user_id_users_id_fk" FOREIGN KEY ("issued_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "stock_levels_item_location_key" ON "stock_levels" USING btree ("item_id","location_id");--> statement-breakpoint
CREATE INDEX "stock_levels_location_idx" ON "stock_levels" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "stock_movements_item_idx" ON "stock_movements" USING btree ("item_id","id");--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_tracking_check" CHECK ("inventory_items"."tracking" in ('serial', 'quantity'));--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_unit_check" CHECK (("inventory_items"."tracking" = 'quantity') = ("inventory_items"."unit" is not null));