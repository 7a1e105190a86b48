CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"priority" text NOT NULL,
	"due_at" timestamp with time zone,
	"assigned_role" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"source_type" text,
	"source_id" uuid,
	"closes_with_source" boolean DEFAULT false NOT NULL,
	"dedupe_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"completion_note" text,
	CONSTRAINT "tasks_closed_has_time" CHECK (("tasks"."status" = 'open') = ("tasks"."completed_at" is null)),
	CONSTRAINT "tasks_source_pair" CHECK (("tasks"."source_type" is null) = ("tasks"."source_id" is null))
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_staff_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_queue_idx" ON "tasks" USING btree ("clinic_id","status","due_at");--> statement-breakpoint
CREATE INDEX "tasks_patient_idx" ON "tasks" USING btree ("clinic_id","patient_id");--> statement-breakpoint
CREATE INDEX "tasks_source_idx" ON "tasks" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "tasks_completed_by_idx" ON "tasks" USING btree ("completed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_dedupe_key" ON "tasks" USING btree ("clinic_id","dedupe_key");