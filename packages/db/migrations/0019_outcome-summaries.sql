CREATE SEQUENCE "public"."summary_version_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "comparison_cache" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid,
	"question" text NOT NULL,
	"as_of" date NOT NULL,
	"version" bigint NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_answer_summary" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"timepoint" text NOT NULL,
	"instrument" text NOT NULL,
	"baseline" double precision,
	"follow_up" double precision NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_follow_up_summary" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"timepoint" text NOT NULL,
	"window_start" date NOT NULL,
	"window_end" date NOT NULL,
	"completed" boolean NOT NULL,
	"cancelled" boolean NOT NULL,
	"completed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_summary" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"odi" double precision,
	"start_back" text,
	"weeks" integer,
	"age" integer,
	"treated" integer NOT NULL,
	"at" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_clinics" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"patients" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_dirty" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_slices" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"version" bigint NOT NULL,
	"first_treatments" integer NOT NULL,
	CONSTRAINT "summary_slices_clinic_id_kind_pk" PRIMARY KEY("clinic_id","kind")
);
--> statement-breakpoint
CREATE TABLE "survival_summary" (
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"days" integer NOT NULL,
	"surgery" boolean NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
DROP INDEX "responses_supersedes_key";--> statement-breakpoint
CREATE INDEX "comparison_cache_key_idx" ON "comparison_cache" USING btree ("question","as_of","version");--> statement-breakpoint
CREATE INDEX "outcome_answer_summary_slice_idx" ON "outcome_answer_summary" USING btree ("clinic_id","kind");--> statement-breakpoint
CREATE INDEX "outcome_answer_summary_read_idx" ON "outcome_answer_summary" USING btree ("instrument","timepoint");--> statement-breakpoint
CREATE INDEX "outcome_follow_up_summary_slice_idx" ON "outcome_follow_up_summary" USING btree ("clinic_id","kind");--> statement-breakpoint
CREATE INDEX "registry_summary_slice_idx" ON "registry_summary" USING btree ("clinic_id","kind","odi");--> statement-breakpoint
CREATE INDEX "summary_dirty_clinic_idx" ON "summary_dirty" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "survival_summary_slice_idx" ON "survival_summary" USING btree ("clinic_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_supersedes_key" ON "questionnaire_responses" USING btree ("supersedes_id") WHERE "questionnaire_responses"."supersedes_id" is not null;--> statement-breakpoint
-- Which summary slices (clinic, treatment kind) a write can change, queued in the write's own
-- transaction. A treatment's figures depend on every treatment, follow-up and answer of its episode
-- (the next treatment ends its follow-up, baselines are read across the episode), on its patient's
-- birth date and sex and its episode's condition and onset, and on the clinic's time zone (late
-- baselines). One statement-level trigger per table and event, reading the transition tables.
CREATE FUNCTION summary_dirty_from_episodes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
      WHERE t.episode_id IN (SELECT n.episode_id FROM new_rows n WHERE n.episode_id IS NOT NULL);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
      WHERE t.episode_id IN (SELECT o.episode_id FROM old_rows o WHERE o.episode_id IS NOT NULL);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A treatment also queues its own slice: a deleted one, or one whose kind changed, is no longer there to be found.
CREATE FUNCTION summary_dirty_from_treatments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
      WHERE t.episode_id IN (SELECT n.episode_id FROM new_rows n);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO summary_dirty (clinic_id, kind)
      SELECT DISTINCT o.clinic_id, o.kind FROM old_rows o
      UNION SELECT t.clinic_id, t.kind FROM treatments t
      WHERE t.episode_id IN (SELECT o.episode_id FROM old_rows o);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_dirty_from_patients() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO summary_dirty (clinic_id, kind)
    SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
    WHERE t.patient_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.birth_date IS DISTINCT FROM o.birth_date OR n.sex IS DISTINCT FROM o.sex);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_dirty_from_episode_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO summary_dirty (clinic_id, kind)
    SELECT DISTINCT t.clinic_id, t.kind FROM treatments t
    WHERE t.episode_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE n.condition IS DISTINCT FROM o.condition OR n.onset_date IS DISTINCT FROM o.onset_date);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION summary_dirty_from_clinics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO summary_dirty (clinic_id, kind)
    SELECT n.id, NULL FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.time_zone IS DISTINCT FROM o.time_zone;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER responses_summary_dirty_insert AFTER INSERT ON questionnaire_responses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER responses_summary_dirty_update AFTER UPDATE ON questionnaire_responses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER responses_summary_dirty_delete AFTER DELETE ON questionnaire_responses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER follow_ups_summary_dirty_insert AFTER INSERT ON follow_ups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER follow_ups_summary_dirty_update AFTER UPDATE ON follow_ups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER follow_ups_summary_dirty_delete AFTER DELETE ON follow_ups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episodes();
--> statement-breakpoint
CREATE TRIGGER treatments_summary_dirty_insert AFTER INSERT ON treatments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_treatments();
--> statement-breakpoint
CREATE TRIGGER treatments_summary_dirty_update AFTER UPDATE ON treatments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_treatments();
--> statement-breakpoint
CREATE TRIGGER treatments_summary_dirty_delete AFTER DELETE ON treatments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_treatments();
--> statement-breakpoint
CREATE TRIGGER patients_summary_dirty_update AFTER UPDATE ON patients
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_patients();
--> statement-breakpoint
CREATE TRIGGER episodes_summary_dirty_update AFTER UPDATE ON episodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_episode_rows();
--> statement-breakpoint
CREATE TRIGGER clinics_summary_dirty_update AFTER UPDATE ON clinics
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION summary_dirty_from_clinics();
--> statement-breakpoint
-- Every existing slice is queued, so the first refresh (the job runner's, or the first outcomes read) builds them all.
INSERT INTO summary_dirty (clinic_id, kind) SELECT DISTINCT clinic_id, kind FROM treatments;
