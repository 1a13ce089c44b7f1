-- Times to the millisecond (src/db/columns.ts). One ALTER per table: each table is rewritten once.
ALTER TABLE "accounts"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "security_groups"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "user_sales_rep_ids"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "users"
  ALTER COLUMN "suspended_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "password_changed_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now(),
  ALTER COLUMN "deleted_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "password_resets"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "expires_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "used_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "sessions"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "last_seen_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "last_seen_at" SET DEFAULT now(),
  ALTER COLUMN "expires_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "ended_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "throttle_counters"
  ALTER COLUMN "window_started_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "api_keys"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "last_used_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "revoked_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "emails"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "sent_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "audit_events"
  ALTER COLUMN "occurred_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "occurred_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "agents"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "teams"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "record_statuses"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "record_types"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "sales_record_notes"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "sales_records"
  ALTER COLUMN "converted_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now(),
  ALTER COLUMN "deleted_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "saved_views"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "individual_notes"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "individuals"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "policies"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "policy_commissions"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "record_files"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "custom_field_definitions"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "idempotency_keys"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "lead_posts"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "imports"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "started_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "finished_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "activities"
  ALTER COLUMN "starts_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "ends_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "due_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "completed_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "activity_statuses"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "activity_types"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "calendar_feeds"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "last_used_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "revoked_at" SET DATA TYPE timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "appointment_bookings"
  ALTER COLUMN "cancelled_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "rescheduled_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now();--> statement-breakpoint
ALTER TABLE "appointment_schedules"
  ALTER COLUMN "created_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "created_at" SET DEFAULT now(),
  ALTER COLUMN "updated_at" SET DATA TYPE timestamp (3) with time zone,
  ALTER COLUMN "updated_at" SET DEFAULT now();--> statement-breakpoint
-- A rewrite drops the columns' statistics: gather them again, or plans go wrong until autovacuum runs.
ANALYZE "accounts";--> statement-breakpoint
ANALYZE "security_groups";--> statement-breakpoint
ANALYZE "user_sales_rep_ids";--> statement-breakpoint
ANALYZE "users";--> statement-breakpoint
ANALYZE "password_resets";--> statement-breakpoint
ANALYZE "sessions";--> statement-breakpoint
ANALYZE "throttle_counters";--> statement-breakpoint
ANALYZE "api_keys";--> statement-breakpoint
ANALYZE "emails";--> statement-breakpoint
ANALYZE "audit_events";--> statement-breakpoint
ANALYZE "agents";--> statement-breakpoint
ANALYZE "teams";--> statement-breakpoint
ANALYZE "record_statuses";--> statement-breakpoint
ANALYZE "record_types";--> statement-breakpoint
ANALYZE "sales_record_notes";--> statement-breakpoint
ANALYZE "sales_records";--> statement-breakpoint
ANALYZE "saved_views";--> statement-breakpoint
ANALYZE "individual_notes";--> statement-breakpoint
ANALYZE "individuals";--> statement-breakpoint
ANALYZE "policies";--> statement-breakpoint
ANALYZE "policy_commissions";--> statement-breakpoint
ANALYZE "record_files";--> statement-breakpoint
ANALYZE "custom_field_definitions";--> statement-breakpoint
ANALYZE "idempotency_keys";--> statement-breakpoint
ANALYZE "lead_posts";--> statement-breakpoint
ANALYZE "imports";--> statement-breakpoint
ANALYZE "activities";--> statement-breakpoint
ANALYZE "activity_statuses";--> statement-breakpoint
ANALYZE "activity_types";--> statement-breakpoint
ANALYZE "calendar_feeds";--> statement-breakpoint
ANALYZE "appointment_bookings";--> statement-breakpoint
ANALYZE "appointment_schedules";
