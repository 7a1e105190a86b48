CREATE TABLE "clinic_track_records" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "clinic_track_records_slug_key" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "clinic_track_records" ADD CONSTRAINT "clinic_track_records_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_track_records" ADD CONSTRAINT "clinic_track_records_changed_by_staff_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql). The public page is
-- read by slug before any clinic is known, so that lookup runs as evident_system.
ALTER TABLE "clinic_track_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "clinic_track_records" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "clinic_track_records" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "clinic_track_records" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
