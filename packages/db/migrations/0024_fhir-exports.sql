CREATE TABLE "fhir_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"level" text NOT NULL,
	"group_id" text,
	"types" text[] NOT NULL,
	"since" timestamp with time zone,
	"request" text NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"progress" jsonb,
	"transaction_time" timestamp with time zone,
	"output" jsonb,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "fhir_exports" ADD CONSTRAINT "fhir_exports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_exports" ADD CONSTRAINT "fhir_exports_client_id_fhir_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."fhir_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fhir_exports_client_idx" ON "fhir_exports" USING btree ("clinic_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "fhir_exports_expiry_idx" ON "fhir_exports" USING btree ("status","expires_at");-- Row-level security, as every clinic table has (0021_row-level-security.sql).
ALTER TABLE "fhir_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fhir_exports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "fhir_exports" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "fhir_exports" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
