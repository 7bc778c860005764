CREATE TABLE "transfer_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transfer_id" bigint NOT NULL,
	"item_id" bigint NOT NULL,
	"from_location_id" bigint,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"to_location_id" bigint NOT NULL,
	"state" varchar(20) DEFAULT 'requested' NOT NULL,
	"note" text,
	"capacity_override_reason" text,
	"requested_by" varchar(200),
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_by" varchar(200),
	"dispatched_at" timestamp with time zone,
	"received_by" varchar(200),
	"received_at" timestamp with time zone,
	"cancelled_by" varchar(200),
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "transfers_state_check" CHECK ("transfers"."state" in ('requested', 'in_transit', 'received', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "transfer_items" ADD CONSTRAINT "transfer_items_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_items" ADD CONSTRAINT "transfer_items_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_items" ADD CONSTRAINT "transfer_items_from_location_id_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_location_id_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_items_open_item_key" ON "transfer_items" USING btree ("item_id") WHERE "transfer_items"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_items_transfer_item_key" ON "transfer_items" USING btree ("transfer_id","item_id");--> statement-breakpoint
CREATE INDEX "transfer_items_item_idx" ON "transfer_items" USING btree ("item_id","transfer_id");--> statement-breakpoint
CREATE INDEX "transfer_items_from_location_idx" ON "transfer_items" USING btree ("from_location_id","transfer_id");--> statement-breakpoint
CREATE INDEX "transfers_to_location_idx" ON "transfers" USING btree ("to_location_id","id");--> statement-breakpoint
CREATE INDEX "transfers_state_idx" ON "transfers" USING btree ("state","id");