CREATE TABLE "intakes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"rules_version" text NOT NULL,
	"tier" text NOT NULL,
	"flags" text[] NOT NULL,
	"source" text NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_note" text,
	CONSTRAINT "intakes_review_pair" CHECK (("intakes"."reviewed_at" is null) = ("intakes"."reviewed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intakes" ADD CONSTRAINT "intakes_reviewed_by_staff_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intakes_patient_idx" ON "intakes" USING btree ("clinic_id","patient_id","submitted_at");--> statement-breakpoint
CREATE INDEX "intakes_reviewed_by_idx" ON "intakes" USING btree ("reviewed_by");