CREATE TABLE "candidacy_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"input" jsonb NOT NULL,
	"criteria_version" text NOT NULL,
	"outcome" text NOT NULL,
	"result" jsonb NOT NULL,
	"note" text,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidacy_assessments" ADD CONSTRAINT "candidacy_assessments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_assessments" ADD CONSTRAINT "candidacy_assessments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidacy_assessments" ADD CONSTRAINT "candidacy_assessments_signed_by_staff_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "candidacy_patient_idx" ON "candidacy_assessments" USING btree ("clinic_id","patient_id","signed_at");--> statement-breakpoint
CREATE INDEX "candidacy_signed_by_idx" ON "candidacy_assessments" USING btree ("signed_by");