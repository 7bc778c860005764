CREATE TABLE "item_disposals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "item_disposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" bigint NOT NULL,
	"method" varchar(30) NOT NULL,
	"disposed_on" date NOT NULL,
	"proceeds" numeric(14, 2) NOT NULL,
	"book_value" numeric(14, 2),
	"gain_loss" numeric(14, 2),
	"notes" text,
	"disposed_by" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_disposals_method_check" CHECK ("item_disposals"."method" in ('sold', 'scrapped', 'donated', 'recycled', 'traded_in', 'returned_to_vendor', 'lost', 'stolen')),
	CONSTRAINT "item_disposals_proceeds_check" CHECK ("item_disposals"."proceeds" >= 0)
);
--> statement-breakpoint
ALTER TABLE "item_disposals" ADD CONSTRAINT "item_disposals_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "item_disposals_item_key" ON "item_disposals" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "item_disposals_disposed_on_idx" ON "item_disposals" USING btree ("disposed_on");