-- Opioid use from the pain diary and imaging change per level are outcome measures now
-- (domain/outcomes/source-measures.ts), so a diary entry or an imaging study written, corrected or
-- deleted can change every treatment of its patient: queue their slices, as answers do.
CREATE FUNCTION summary_dirty_from_patient_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
      WHERE t.patient_id IN (SELECT n.patient_id FROM new_rows n);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
      WHERE t.patient_id IN (SELECT o.patient_id FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER diary_summary_dirty_insert AFTER INSERT ON pain_diary_entries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
CREATE TRIGGER diary_summary_dirty_update AFTER UPDATE ON pain_diary_entries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
CREATE TRIGGER diary_summary_dirty_delete AFTER DELETE ON pain_diary_entries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
CREATE TRIGGER imaging_summary_dirty_insert AFTER INSERT ON imaging_studies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
CREATE TRIGGER imaging_summary_dirty_update AFTER UPDATE ON imaging_studies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
CREATE TRIGGER imaging_summary_dirty_delete AFTER DELETE ON imaging_studies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patient_rows();
--> statement-breakpoint
-- Every existing slice is queued, so the next refresh adds the diary and imaging measures' rows.
INSERT INTO summary_dirty (clinic_id, kind) SELECT DISTINCT clinic_id, kind FROM treatments;
