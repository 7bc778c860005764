CREATE TABLE "search_terms" (
	"term" varchar(100) PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "inventory_items_name_trgm_idx";--> statement-breakpoint
CREATE INDEX "search_terms_trgm_idx" ON "search_terms" USING gin ("term" gin_trgm_ops);--> statement-breakpoint
-- Backfill the vocabulary from the items already here.
INSERT INTO "search_terms" ("term")
SELECT DISTINCT w FROM "inventory_items", regexp_split_to_table(lower("name" || ' ' || eis_tags_text("tags")), '[^[:alnum:]]+') AS w
WHERE length(w) BETWEEN 3 AND 100
ON CONFLICT DO NOTHING;
