-- Pooled research reads can return only aggregates: they run as the NOLOGIN role evident_research,
-- which may read the outcome summaries and the pooled comparisons' cache (tallies and estimates)
-- and no table holding a patient's row (its privileges: db/src/roles.ts, granted at every start).
-- Under row-level security it reads every clinic's summary rows, and of the comparison cache only
-- the pooled results (clinic_id null), which the system role computes and stores.
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'evident_research') THEN
    CREATE ROLE evident_research NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
CREATE POLICY "research_reads_aggregates" ON "summary_clinics" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
CREATE POLICY "research_reads_aggregates" ON "summary_slices" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
CREATE POLICY "research_reads_aggregates" ON "outcome_follow_up_summary" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
CREATE POLICY "research_reads_aggregates" ON "outcome_answer_summary" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
CREATE POLICY "research_reads_aggregates" ON "survival_summary" AS PERMISSIVE FOR SELECT TO "evident_research" USING (true);--> statement-breakpoint
CREATE POLICY "research_reads_pooled" ON "comparison_cache" AS PERMISSIVE FOR SELECT TO "evident_research" USING ("clinic_id" IS NULL);
