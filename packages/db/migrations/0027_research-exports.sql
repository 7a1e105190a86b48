CREATE TABLE "data_use_acceptances" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"terms_version" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"format" text NOT NULL,
	"cohort" jsonb NOT NULL,
	"terms_version" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" jsonb,
	"files" jsonb,
	"patients" integer,
	"suppressed" integer,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "data_use_acceptances" ADD CONSTRAINT "data_use_acceptances_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_use_acceptances" ADD CONSTRAINT "data_use_acceptances_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_exports" ADD CONSTRAINT "research_exports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_exports" ADD CONSTRAINT "research_exports_requested_by_staff_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_use_acceptances_key" ON "data_use_acceptances" USING btree ("clinic_id","staff_user_id","terms_version");--> statement-breakpoint
CREATE INDEX "research_exports_clinic_idx" ON "research_exports" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "research_exports_expiry_idx" ON "research_exports" USING btree ("status","expires_at");--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql).
ALTER TABLE "data_use_acceptances" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "data_use_acceptances" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "data_use_acceptances" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "data_use_acceptances" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql).
ALTER TABLE "research_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "research_exports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "research_exports" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "research_exports" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
