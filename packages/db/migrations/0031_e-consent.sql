CREATE TABLE "consent_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"treatment_kind" text,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"template_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"canonical_text" text NOT NULL,
	"sha256" text NOT NULL,
	"price" jsonb,
	"published_by" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "consent_documents_version_key" UNIQUE NULLS NOT DISTINCT("clinic_id","purpose","treatment_kind","language","version"),
	CONSTRAINT "consent_documents_kind_check" CHECK (("consent_documents"."purpose" = 'procedure') = ("consent_documents"."treatment_kind" is not null))
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"treatment_kind" text,
	"version" integer NOT NULL,
	"language" text NOT NULL,
	"sha256" text NOT NULL,
	"method" text NOT NULL,
	"typed_name" text,
	"witness_name" text,
	"recorded_by" uuid,
	"teach_back_rounds" integer,
	"signed_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_method_check" CHECK (("consents"."method" = 'portal' and "consents"."typed_name" is not null) or ("consents"."method" = 'paper' and "consents"."witness_name" is not null and "consents"."recorded_by" is not null))
);
--> statement-breakpoint
ALTER TABLE "treatments" ADD COLUMN "consent" jsonb;--> statement-breakpoint
ALTER TABLE "outcome_answer_summary" ADD COLUMN "pooled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "outcome_follow_up_summary" ADD COLUMN "pooled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "summary_clinics" ADD COLUMN "pooled_patients" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "summary_slices" ADD COLUMN "pooled_first_treatments" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "survival_summary" ADD COLUMN "pooled" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_documents" ADD CONSTRAINT "consent_documents_published_by_staff_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_document_id_consent_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."consent_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_staff_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_patient_idx" ON "consents" USING btree ("clinic_id","patient_id","purpose");--> statement-breakpoint
CREATE INDEX "consents_withdrawn_idx" ON "consents" USING btree ("patient_id") WHERE "consents"."withdrawn_at" is not null and "consents"."purpose" = 'research';--> statement-breakpoint
-- Nobody had withdrawn research consent before this migration: the pooled counts are the counts.
UPDATE "summary_slices" SET "pooled_first_treatments" = "first_treatments";--> statement-breakpoint
UPDATE "summary_clinics" SET "pooled_patients" = "patients";--> statement-breakpoint
-- A consent document's version is never changed: a new version is a new row.
CREATE FUNCTION consent_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent documents are never changed: publish a new version';
END $$;--> statement-breakpoint
CREATE TRIGGER consent_documents_no_update BEFORE UPDATE ON "consent_documents"
  FOR EACH ROW EXECUTE FUNCTION consent_documents_immutable();--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql).
ALTER TABLE "consent_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "consent_documents" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "consent_documents" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "consent_documents" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);--> statement-breakpoint
ALTER TABLE "consents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "consents" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "consents" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "consents" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
