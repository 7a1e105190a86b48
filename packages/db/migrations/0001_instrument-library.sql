CREATE TABLE "response_drafts" (
	"follow_up_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"step" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instrument_licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"reference" text NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measurement_plan_timepoints" (
	"clinic_id" uuid NOT NULL,
	"timepoint" text NOT NULL,
	"instruments" text[] NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "measurement_plan_timepoints_clinic_id_timepoint_pk" PRIMARY KEY("clinic_id","timepoint")
);
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD COLUMN "supersedes_id" uuid;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD COLUMN "correction_reason" text;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_follow_up_id_follow_ups_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_ups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_drafts" ADD CONSTRAINT "response_drafts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_licences" ADD CONSTRAINT "instrument_licences_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instrument_licences" ADD CONSTRAINT "instrument_licences_confirmed_by_staff_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_plan_timepoints" ADD CONSTRAINT "measurement_plan_timepoints_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement_plan_timepoints" ADD CONSTRAINT "measurement_plan_timepoints_updated_by_staff_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_drafts_patient_idx" ON "response_drafts" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "instrument_licences_clinic_idx" ON "instrument_licences" USING btree ("clinic_id","instrument","confirmed_at");--> statement-breakpoint
CREATE INDEX "instrument_licences_confirmed_by_idx" ON "instrument_licences" USING btree ("confirmed_by");--> statement-breakpoint
CREATE INDEX "measurement_plan_updated_by_idx" ON "measurement_plan_timepoints" USING btree ("updated_by");--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_supersedes_id_questionnaire_responses_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "responses_supersedes_key" ON "questionnaire_responses" USING btree ("supersedes_id");--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "responses_correction_has_reason" CHECK (("questionnaire_responses"."supersedes_id" is null) = ("questionnaire_responses"."correction_reason" is null));