-- Trigram matching for typo-tolerant look-ups of names, SKUs and serial numbers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- array_to_string is only STABLE; tags are plain text so joining them is immutable, which a generated column needs.
CREATE OR REPLACE FUNCTION eis_tags_text(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
