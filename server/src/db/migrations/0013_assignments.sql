CREATE TABLE "checkouts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkouts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"assignee_user_id" bigint,
	"location_id" bigint,
	"parent_item_id" bigint,
	"checked_out_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_out_by" varchar(200),
	"expected_checkin" timestamp with time zone,
	"checkout_note" text,
	"accepted_at" timestamp with time zone,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" varchar(200),
	"checkin_condition" varchar(20),
	"checkin_location_id" bigint,
	"checkin_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "checkouts_one_target" CHECK (num_nonnulls("checkouts"."assignee_user_id", "checkouts"."location_id", "checkouts"."parent_item_id") = 1),
	CONSTRAINT "checkouts_not_own_kit" CHECK ("checkouts"."parent_item_id" <> "checkouts"."item_id"),
	CONSTRAINT "checkouts_checkin_condition_check" CHECK ("checkouts"."checkin_condition" in ('new', 'good', 'fair', 'poor', 'damaged'))
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" varchar(100) NOT NULL,
	"aggregate_type" varchar(50) NOT NULL,
	"aggregate_id" bigint NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurrence_key" varchar(200),
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "item_requests" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "item_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"requester_user_id" bigint NOT NULL,
	"item_id" bigint,
	"category_id" bigint,
	"note" text,
	"needed_from" timestamp with time zone,
	"needed_until" timestamp with time zone,
	"status" varchar(20) DEFAULT 'pending' NOT NULL,
	"decided_by" varchar(200),
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"checkout_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "item_requests_one_subject" CHECK (num_nonnulls("item_requests"."item_id", "item_requests"."category_id") = 1),
	CONSTRAINT "item_requests_status_check" CHECK ("item_requests"."status" in ('pending', 'approved', 'declined')),
	CONSTRAINT "item_requests_needed_range" CHECK ("item_requests"."needed_until" > "item_requests"."needed_from")
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reservations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"user_id" bigint NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"note" text,
	"status" varchar(20) DEFAULT 'active' NOT NULL,
	"created_by" varchar(200),
	"cancelled_at" timestamp with time zone,
	"cancelled_by" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reservations_range_check" CHECK ("reservations"."ends_at" > "reservations"."starts_at"),
	CONSTRAINT "reservations_status_check" CHECK ("reservations"."status" in ('active', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_parent_item_id_inventory_items_id_fk" FOREIGN KEY ("parent_item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_checkin_location_id_locations_id_fk" FOREIGN KEY ("checkin_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_requester_user_id_users_id_fk" FOREIGN KEY ("requester_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_requests" ADD CONSTRAINT "item_requests_checkout_id_checkouts_id_fk" FOREIGN KEY ("checkout_id") REFERENCES "public"."checkouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkouts_open_item_key" ON "checkouts" USING btree ("item_id") WHERE "checkouts"."checked_in_at" is null;--> statement-breakpoint
CREATE INDEX "checkouts_item_idx" ON "checkouts" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "checkouts_assignee_idx" ON "checkouts" USING btree ("assignee_user_id","id");--> statement-breakpoint
CREATE INDEX "checkouts_parent_item_idx" ON "checkouts" USING btree ("parent_item_id") WHERE "checkouts"."checked_in_at" is null;--> statement-breakpoint
CREATE INDEX "checkouts_expected_checkin_idx" ON "checkouts" USING btree ("expected_checkin") WHERE "checkouts"."checked_in_at" is null;--> statement-breakpoint
CREATE INDEX "events_undispatched_idx" ON "events" USING btree ("id") WHERE "events"."dispatched_at" is null;--> statement-breakpoint
CREATE INDEX "events_aggregate_idx" ON "events" USING btree ("aggregate_type","aggregate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_occurrence_key" ON "events" USING btree ("occurrence_key");--> statement-breakpoint
CREATE INDEX "item_requests_requester_idx" ON "item_requests" USING btree ("requester_user_id","id");--> statement-breakpoint
CREATE INDEX "item_requests_status_idx" ON "item_requests" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "reservations_starts_idx" ON "reservations" USING btree ("starts_at") WHERE "reservations"."status" = 'active';--> statement-breakpoint
CREATE INDEX "reservations_user_idx" ON "reservations" USING btree ("user_id");