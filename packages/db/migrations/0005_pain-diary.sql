CREATE TABLE "diary_settings" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"reminder" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pain_diary_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"back_pain" integer NOT NULL,
	"leg_pain" integer NOT NULL,
	"note" text,
	"medications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mme" real DEFAULT 0 NOT NULL,
	"mme_table" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pain_diary_back_range" CHECK ("pain_diary_entries"."back_pain" between 0 and 10),
	CONSTRAINT "pain_diary_leg_range" CHECK ("pain_diary_entries"."leg_pain" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "diary_settings" ADD CONSTRAINT "diary_settings_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_settings" ADD CONSTRAINT "diary_settings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_diary_entries" ADD CONSTRAINT "pain_diary_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pain_diary_entries" ADD CONSTRAINT "pain_diary_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "diary_settings_clinic_idx" ON "diary_settings" USING btree ("clinic_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pain_diary_patient_day_key" ON "pain_diary_entries" USING btree ("patient_id","entry_date");--> statement-breakpoint
CREATE INDEX "pain_diary_clinic_idx" ON "pain_diary_entries" USING btree ("clinic_id","patient_id");