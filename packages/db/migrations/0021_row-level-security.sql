-- Tenancy in the database: row-level security on clinic_id for every table that has one.
-- The app's role sees and writes only the rows of the clinic named by the transaction-local
-- setting evident.clinic_id (set at the start of each scoped transaction, db/src/tenancy.ts);
-- without the setting it sees nothing. The NOLOGIN role evident_system sees every clinic: jobs, the
-- command line and sign-in lookups switch to it by name. FORCE makes the tables' owner subject to
-- the policies as well (a superuser is not; an owner that is a member of evident_system passes).
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'evident_system') THEN
    CREATE ROLE evident_system NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
ALTER TABLE "account_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_links" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "account_links" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "account_links" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "adverse_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "adverse_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "adverse_events" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "adverse_events" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "audit_events" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "audit_events" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "candidacy_assessments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "candidacy_assessments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "candidacy_assessments" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "candidacy_assessments" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "decisions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "decisions" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "decisions" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "diary_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "diary_settings" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "diary_settings" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "diary_settings" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "episodes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "episodes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "episodes" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "episodes" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "follow_up_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "follow_up_contacts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "follow_up_contacts" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "follow_up_contacts" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "follow_ups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "follow_ups" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "follow_ups" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "follow_ups" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "imaging_studies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "imaging_studies" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "imaging_studies" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "imaging_studies" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "instrument_licences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "instrument_licences" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "instrument_licences" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "instrument_licences" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "intakes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "intakes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "intakes" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "intakes" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "invitations" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "invitations" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "measurement_plan_timepoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "measurement_plan_timepoints" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "measurement_plan_timepoints" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "measurement_plan_timepoints" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "outbox_messages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outbox_messages" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "outbox_messages" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "outbox_messages" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "pain_diary_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "pain_diary_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "pain_diary_entries" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "pain_diary_entries" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "patient_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patient_accounts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "patient_accounts" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "patient_accounts" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "patients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "patients" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "patients" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "patients" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "problem_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "problem_reports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "problem_reports" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "problem_reports" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "programme_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "programme_sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "programme_sessions" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "programme_sessions" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "questionnaire_responses" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "questionnaire_responses" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "record_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "record_versions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "record_versions" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "record_versions" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "recovery_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "recovery_codes" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "recovery_codes" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "recovery_codes" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "response_drafts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "response_drafts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "response_drafts" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "response_drafts" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sessions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "sessions" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "sessions" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "staff_users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "staff_users" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "staff_users" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "staff_users" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "tasks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "tasks" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "tasks" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "tasks" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "treatments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "treatments" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "treatments" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "treatments" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
-- The outcome summaries (a pooled comparison, clinic_id null, is the system role's alone) and the
-- FHIR clients with their assertions.
ALTER TABLE "comparison_cache" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "comparison_cache" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "comparison_cache" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "comparison_cache" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "fhir_client_assertions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fhir_client_assertions" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "fhir_client_assertions" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "fhir_client_assertions" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "fhir_clients" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "fhir_clients" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "fhir_clients" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "fhir_clients" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "outcome_answer_summary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outcome_answer_summary" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "outcome_answer_summary" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "outcome_answer_summary" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "outcome_follow_up_summary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "outcome_follow_up_summary" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "outcome_follow_up_summary" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "outcome_follow_up_summary" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "registry_summary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "registry_summary" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "registry_summary" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "registry_summary" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "summary_clinics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "summary_clinics" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "summary_clinics" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "summary_clinics" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "summary_dirty" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "summary_dirty" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "summary_dirty" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "summary_dirty" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "summary_slices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "summary_slices" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "summary_slices" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "summary_slices" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE "survival_summary" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "survival_summary" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "clinic_isolation" ON "survival_summary" AS PERMISSIVE FOR ALL TO PUBLIC
  USING ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid))
  WITH CHECK ("clinic_id" = (SELECT nullif(current_setting('evident.clinic_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "system_all_clinics" ON "survival_summary" AS PERMISSIVE FOR ALL TO "evident_system" USING (true) WITH CHECK (true);
