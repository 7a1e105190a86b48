CREATE TABLE "saved_cohorts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"scope" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "saved_cohorts" ADD CONSTRAINT "saved_cohorts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_cohorts" ADD CONSTRAINT "saved_cohorts_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_cohorts_version_key" ON "saved_cohorts" USING btree ("clinic_id","name","version");--> statement-breakpoint
CREATE INDEX "saved_cohorts_scope_idx" ON "saved_cohorts" USING btree ("scope","name");--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql); a network cohort
-- is also readable (never writable) from every clinic.
ALTER TABLE "saved_cohorts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "saved_cohorts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "saved_cohorts" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "network_cohorts_readable" ON "saved_cohorts" AS PERMISSIVE FOR SELECT TO PUBLIC
  USING ("scope" = 'network' AND nullif(current_setting('evident.clinic_id', true), '') IS NOT NULL);--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "saved_cohorts" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
