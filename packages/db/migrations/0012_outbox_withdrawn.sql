ALTER TABLE "outbox_messages" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox_messages" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
UPDATE "outbox_messages" SET "withdrawn_reason" = "last_error", "last_error" = NULL WHERE "status" = 'withdrawn';
