CREATE TABLE "quality_counts" (
	"run_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"count" integer NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	CONSTRAINT "quality_counts_run_id_rule_pk" PRIMARY KEY("run_id","rule")
);
--> statement-breakpoint
CREATE TABLE "quality_findings" (
	"run_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"note" text NOT NULL,
	CONSTRAINT "quality_findings_run_id_rule_record_id_pk" PRIMARY KEY("run_id","rule","record_id")
);
--> statement-breakpoint
CREATE TABLE "quality_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"trigger" text NOT NULL,
	"ran_by" uuid,
	"patients_checked" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "quality_counts" ADD CONSTRAINT "quality_counts_run_id_quality_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."quality_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_counts" ADD CONSTRAINT "quality_counts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_run_id_quality_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."quality_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_findings" ADD CONSTRAINT "quality_findings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quality_runs" ADD CONSTRAINT "quality_runs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "quality_counts_clinic_idx" ON "quality_counts" USING btree ("clinic_id","as_of");--> statement-breakpoint
CREATE INDEX "quality_findings_clinic_idx" ON "quality_findings" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "quality_runs_clinic_idx" ON "quality_runs" USING btree ("clinic_id","as_of");--> statement-breakpoint
-- Row-level security, as every clinic table has (0021_row-level-security.sql).
ALTER TABLE "quality_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "quality_runs" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "quality_runs" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "quality_runs" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "quality_counts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "quality_counts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "quality_counts" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "quality_counts" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "quality_findings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "quality_findings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "quality_findings" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "quality_findings" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
-- Researchers read the counts of every clinic (the research role, 0022); never the findings, which
-- name records. Its grants are made again at every start (db/src/roles.ts AGGREGATE_TABLES).
CREATE POLICY "research_reads_aggregates" ON "quality_counts" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
GRANT SELECT ON "quality_counts" TO "evident_research";
