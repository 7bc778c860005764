CREATE TABLE "asset_history" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "asset_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"action" varchar(40) NOT NULL,
	"performed_by" varchar(200),
	"notes" text,
	"additional_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"description" text,
	"parent_category_id" bigint,
	"depreciation_rate" numeric(5, 4),
	"depreciation_method" varchar(30) DEFAULT 'straight_line' NOT NULL,
	"useful_life_months" integer,
	"salvage_value" numeric(14, 2),
	"recovery_period" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "categories_depreciation_method_check" CHECK ("categories"."depreciation_method" in ('straight_line', 'declining_balance', 'double_declining', 'sum_of_years_digits', 'macrs')),
	CONSTRAINT "categories_depreciation_rate_check" CHECK ("categories"."depreciation_rate" between 0 and 1),
	CONSTRAINT "categories_useful_life_check" CHECK ("categories"."useful_life_months" > 0),
	CONSTRAINT "categories_salvage_check" CHECK ("categories"."salvage_value" >= 0),
	CONSTRAINT "categories_recovery_period_check" CHECK ("categories"."recovery_period" in (3, 5, 7, 10, 15, 20)),
	CONSTRAINT "categories_not_own_parent" CHECK ("categories"."parent_category_id" <> "categories"."id")
);
--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "custom_field_definitions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"category_id" bigint NOT NULL,
	"name" varchar(64) NOT NULL,
	"label" varchar(200) NOT NULL,
	"field_type" varchar(20) NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"options" jsonb,
	"sensitive" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "custom_field_definitions_type_check" CHECK ("custom_field_definitions"."field_type" in ('text', 'number', 'integer', 'boolean', 'date', 'select', 'url'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"key" varchar(200) NOT NULL,
	"scope" varchar(300) NOT NULL,
	"request_hash" varchar(64) NOT NULL,
	"status_code" integer,
	"response_body" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_key_scope_pk" PRIMARY KEY("key","scope")
);
--> statement-breakpoint
CREATE TABLE "inventory_items" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sku" varchar(64) NOT NULL,
	"name" varchar(200) NOT NULL,
	"description" text,
	"serial_number" varchar(100),
	"category_id" bigint,
	"location_id" bigint,
	"supplier_id" bigint,
	"status" varchar(20) DEFAULT 'in_stock' NOT NULL,
	"purchase_date" date,
	"purchase_price" numeric(14, 2),
	"current_value" numeric(14, 2),
	"warranty_expiry" date,
	"assigned_to" varchar(200),
	"specifications" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"depreciation_method" varchar(30),
	"useful_life_months" integer,
	"salvage_value" numeric(14, 2),
	"recovery_period" integer,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(name, '') || ' ' || sku || ' ' || coalesce(serial_number, '')), 'A') || setweight(to_tsvector('english', eis_tags_text(tags)), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "inventory_items_status_check" CHECK ("inventory_items"."status" in ('ordered', 'in_stock', 'deployed', 'in_repair', 'lost', 'retired', 'disposed')),
	CONSTRAINT "inventory_items_depreciation_method_check" CHECK ("inventory_items"."depreciation_method" in ('straight_line', 'declining_balance', 'double_declining', 'sum_of_years_digits', 'macrs')),
	CONSTRAINT "inventory_items_recovery_period_check" CHECK ("inventory_items"."recovery_period" in (3, 5, 7, 10, 15, 20)),
	CONSTRAINT "inventory_items_purchase_price_check" CHECK ("inventory_items"."purchase_price" >= 0),
	CONSTRAINT "inventory_items_current_value_check" CHECK ("inventory_items"."current_value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"code" varchar(50),
	"type" varchar(20) DEFAULT 'room' NOT NULL,
	"parent_location_id" bigint,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	"capacity" integer,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "locations_type_check" CHECK ("locations"."type" in ('site', 'building', 'floor', 'room', 'area', 'storage', 'vehicle')),
	CONSTRAINT "locations_capacity_check" CHECK ("locations"."capacity" >= 0),
	CONSTRAINT "locations_latitude_check" CHECK ("locations"."latitude" between -90 and 90),
	CONSTRAINT "locations_longitude_check" CHECK ("locations"."longitude" between -180 and 180),
	CONSTRAINT "locations_not_own_parent" CHECK ("locations"."parent_location_id" <> "locations"."id")
);
--> statement-breakpoint
CREATE TABLE "maintenance_schedules" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_schedules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"maintenance_type" varchar(50) NOT NULL,
	"description" text,
	"scheduled_date" date NOT NULL,
	"estimated_duration" interval,
	"technician" varchar(200),
	"status" varchar(20) DEFAULT 'scheduled' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suppliers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "suppliers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" varchar(200) NOT NULL,
	"contact_name" varchar(200),
	"email" varchar(254),
	"phone" varchar(40),
	"website" varchar(500),
	"address" text,
	"notes" text,
	"is_preferred" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tags_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"name" varchar(50) NOT NULL,
	"color" varchar(7),
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_category_id_categories_id_fk" FOREIGN KEY ("parent_category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_field_definitions" ADD CONSTRAINT "custom_field_definitions_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_parent_location_id_locations_id_fk" FOREIGN KEY ("parent_location_id") REFERENCES "public"."locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_history_item_idx" ON "asset_history" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_definitions_category_name_key" ON "custom_field_definitions" USING btree ("category_id","name");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_items_sku_key" ON "inventory_items" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "inventory_items_category_idx" ON "inventory_items" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "inventory_items_location_idx" ON "inventory_items" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "inventory_items_supplier_idx" ON "inventory_items" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "inventory_items_status_idx" ON "inventory_items" USING btree ("status");--> statement-breakpoint
CREATE INDEX "inventory_items_name_idx" ON "inventory_items" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "inventory_items_purchase_date_idx" ON "inventory_items" USING btree ("purchase_date");--> statement-breakpoint
CREATE INDEX "inventory_items_warranty_idx" ON "inventory_items" USING btree ("warranty_expiry");--> statement-breakpoint
CREATE INDEX "inventory_items_tags_idx" ON "inventory_items" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "inventory_items_custom_fields_idx" ON "inventory_items" USING gin ("custom_fields" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "inventory_items_search_idx" ON "inventory_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "inventory_items_name_trgm_idx" ON "inventory_items" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inventory_items_sku_trgm_idx" ON "inventory_items" USING gin ("sku" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "inventory_items_serial_trgm_idx" ON "inventory_items" USING gin ("serial_number" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "locations_parent_idx" ON "locations" USING btree ("parent_location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_code_key" ON "locations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "maintenance_schedules_item_idx" ON "maintenance_schedules" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "maintenance_schedules_date_idx" ON "maintenance_schedules" USING btree ("scheduled_date");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_name_key" ON "suppliers" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "tags_name_key" ON "tags" USING btree ("name");