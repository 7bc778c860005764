CREATE TABLE "role_settings" (
	"role" varchar(20) PRIMARY KEY NOT NULL,
	"mfa_required" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_settings_role_check" CHECK ("role_settings"."role" in ('admin', 'asset_manager', 'technician', 'auditor', 'employee'))
);
