ALTER TABLE "clinics" ADD COLUMN "country" text DEFAULT 'US' NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "emergency_number" text;--> statement-breakpoint
ALTER TABLE "intakes" ADD COLUMN "flag_details" jsonb;