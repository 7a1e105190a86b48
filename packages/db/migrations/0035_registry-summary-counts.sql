-- "People like you" tallies move from one jsonb object per row to integer columns. The rows are
-- emptied and every slice marked out of date, so the first refresh (the job runner's, or any
-- outcomes read) builds them again.
DELETE FROM "registry_summary";--> statement-breakpoint
UPDATE "summary_slices" SET "as_of" = '1970-01-01';--> statement-breakpoint
ALTER TABLE "registry_summary" ALTER COLUMN "at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "due_3m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "n_3m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "responders_3m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "due_6m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "n_6m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "responders_6m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "due_12m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "n_12m" integer NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_summary" ADD COLUMN "responders_12m" integer NOT NULL;