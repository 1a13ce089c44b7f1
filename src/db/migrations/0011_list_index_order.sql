DROP INDEX "sales_records_created_idx";--> statement-breakpoint
DROP INDEX "sales_records_type_idx";--> statement-breakpoint
DROP INDEX "individuals_created_idx";--> statement-breakpoint
CREATE INDEX "sales_records_created_idx" ON "sales_records" USING btree ("account_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "sales_records_type_idx" ON "sales_records" USING btree ("account_id","record_type_id","created_at" DESC NULLS FIRST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "individuals_created_idx" ON "individuals" USING btree ("account_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);