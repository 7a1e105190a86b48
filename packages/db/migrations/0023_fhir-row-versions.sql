ALTER TABLE "episodes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- FHIR meta.versionId and meta.lastUpdated of Patient and Condition. Every change to the row,
-- whichever code or operator makes it, raises the version; when the writer did not set
-- updated_at, the statement's time is taken. (Treatments and adverse events keep their earlier
-- versions in record_versions and raise their own version in the repository.)
CREATE FUNCTION "bump_row_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW IS DISTINCT FROM OLD THEN
    NEW.version := OLD.version + 1;
    IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
      NEW.updated_at := statement_timestamp();
    END IF;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "patients_version" BEFORE UPDATE ON "patients"
  FOR EACH ROW EXECUTE FUNCTION "bump_row_version"();--> statement-breakpoint
CREATE TRIGGER "episodes_version" BEFORE UPDATE ON "episodes"
  FOR EACH ROW EXECUTE FUNCTION "bump_row_version"();
