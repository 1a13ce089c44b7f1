ALTER TABLE "appointment_bookings" ADD COLUMN "time_zone" text NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD COLUMN "sequence" integer DEFAULT 0 NOT NULL;