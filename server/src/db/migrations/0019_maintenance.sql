CREATE TABLE "maintenance_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"schedule_id" bigint,
	"item_id" bigint NOT NULL,
	"maintenance_type" varchar(50) NOT NULL,
	"scheduled_date" date NOT NULL,
	"technician" varchar(200),
	"technician_user_id" bigint,
	"started_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_by" varchar(200),
	"actual_cost" numeric(14, 2) NOT NULL,
	"parts_cost" numeric(14, 2) NOT NULL,
	"actual_duration" interval,
	"parts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"usage_reading" numeric(14, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "maintenance_records_cost_check" CHECK ("maintenance_records"."actual_cost" >= 0 and "maintenance_records"."parts_cost" >= 0)
);
--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "technician_user_id" bigint;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "recurrence" varchar(10) DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "recurrence_interval" integer;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "recurrence_anchor_day" integer;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "usage_unit" varchar(20);--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "usage_reading" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "next_due_usage" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "item_status_before" varchar(20);--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "started_by" varchar(200);--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_schedule_id_maintenance_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."maintenance_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_technician_user_id_users_id_fk" FOREIGN KEY ("technician_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maintenance_records_item_idx" ON "maintenance_records" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "maintenance_records_schedule_idx" ON "maintenance_records" USING btree ("schedule_id");--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_technician_user_id_users_id_fk" FOREIGN KEY ("technician_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "maintenance_schedules_in_progress_key" ON "maintenance_schedules" USING btree ("item_id") WHERE "maintenance_schedules"."status" = 'in_progress';--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_status_check" CHECK ("maintenance_schedules"."status" in ('scheduled', 'in_progress', 'completed', 'cancelled'));--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_recurrence_check" CHECK ("maintenance_schedules"."recurrence" in ('none', 'days', 'months', 'usage'));--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_interval_check" CHECK (("maintenance_schedules"."recurrence" = 'none') = ("maintenance_schedules"."recurrence_interval" is null) and "maintenance_schedules"."recurrence_interval" > 0);--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_usage_check" CHECK ("maintenance_schedules"."recurrence" <> 'usage' or ("maintenance_schedules"."usage_unit" is not null and "maintenance_schedules"."next_due_usage" is not null));