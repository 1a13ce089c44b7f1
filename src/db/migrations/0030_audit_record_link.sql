ALTER TABLE "audit_events" ADD COLUMN "record_type" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "record_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_record_idx" ON "audit_events" USING btree ("account_id","record_type","record_id","occurred_at") WHERE record_id is not null;--> statement-breakpoint
-- Earlier events that named their record in their data: link them, so the record's history shows them.
UPDATE "audit_events" SET "record_type" = "data"->'owner'->>'kind', "record_id" = ("data"->'owner'->>'id')::uuid
  WHERE "type" IN ('policy.created', 'policy.deleted') AND "data"->'owner'->>'kind' IN ('sales_record', 'individual');--> statement-breakpoint
UPDATE "audit_events" SET
    "record_type" = CASE WHEN "data"->>'salesRecordId' IS NOT NULL THEN 'sales_record' ELSE 'individual' END,
    "record_id" = COALESCE("data"->>'salesRecordId', "data"->>'individualId')::uuid
  WHERE "type" IN ('activity.created', 'activity.deleted')
    AND COALESCE("data"->>'salesRecordId', "data"->>'individualId') IS NOT NULL;
