ALTER TABLE "inventory_items" ADD COLUMN "lease_expires_on" date;--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD COLUMN "kind" varchar(20) DEFAULT 'preventive' NOT NULL;--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD COLUMN "kind" varchar(20) DEFAULT 'preventive' NOT NULL;--> statement-breakpoint
CREATE INDEX "inventory_items_lease_idx" ON "inventory_items" USING btree ("lease_expires_on");--> statement-breakpoint
CREATE INDEX "maintenance_records_completed_idx" ON "maintenance_records" USING btree ("completed_at");--> statement-breakpoint
ALTER TABLE "maintenance_records" ADD CONSTRAINT "maintenance_records_kind_check" CHECK ("maintenance_records"."kind" in ('preventive', 'corrective'));--> statement-breakpoint
ALTER TABLE "maintenance_schedules" ADD CONSTRAINT "maintenance_schedules_kind_check" CHECK ("maintenance_schedules"."kind" in ('preventive', 'corrective'));