ALTER TABLE "users" ADD COLUMN "source" varchar(10) DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "directory_dn" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_source_check" CHECK ("users"."source" in ('local', 'ldap'));