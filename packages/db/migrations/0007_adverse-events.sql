CREATE TABLE "problem_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"symptoms" text[] NOT NULL,
	"details" text,
	"onset_date" date NOT NULL,
	"treatment_id" uuid,
	"urgent" boolean NOT NULL,
	"task_id" uuid,
	"adverse_event_id" uuid,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "seriousness" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "relatedness" text;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "expected" boolean;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "outcome" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "actions" text;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "aware_date" date;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "report_due_date" date;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "report_submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "source" text DEFAULT 'staff' NOT NULL;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD COLUMN "recorded_by" uuid;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_treatment_id_treatments_id_fk" FOREIGN KEY ("treatment_id") REFERENCES "public"."treatments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_adverse_event_id_adverse_events_id_fk" FOREIGN KEY ("adverse_event_id") REFERENCES "public"."adverse_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "problem_reports_patient_idx" ON "problem_reports" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "problem_reports_treatment_idx" ON "problem_reports" USING btree ("treatment_id");--> statement-breakpoint
CREATE INDEX "problem_reports_ae_idx" ON "problem_reports" USING btree ("adverse_event_id");--> statement-breakpoint
CREATE INDEX "adverse_events_clock_idx" ON "adverse_events" USING btree ("clinic_id","report_due_date");