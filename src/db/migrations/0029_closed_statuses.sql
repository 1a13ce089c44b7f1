ALTER TABLE "record_statuses" ADD COLUMN "is_closed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Closed statuses of the default set (won and lost): not open work, no temperature.
UPDATE "record_statuses" SET "is_closed" = true
WHERE "is_closed_won" OR lower("name") IN ('closed lost', 'lapsed', 'do not contact', 'deceased');
