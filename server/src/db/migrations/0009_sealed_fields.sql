ALTER TABLE "inventory_items" ALTER COLUMN "assigned_to" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "suppliers" ALTER COLUMN "contact_name" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "suppliers" ALTER COLUMN "email" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "suppliers" ALTER COLUMN "phone" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD COLUMN "assigned_to_index" varchar(64);--> statement-breakpoint
CREATE INDEX "inventory_items_assigned_to_idx" ON "inventory_items" USING btree ("assigned_to_index");