-- Decision 016: one foreign key (account, type, status) → record_statuses instead of three (account,
-- type, status): the status must belong to the record's type, and the type and the account exist
-- through it. A Sales Record row is checked once, not three times (most of a bulk insert's keys).
CREATE UNIQUE INDEX "record_statuses_type_id_uq" ON "record_statuses" USING btree ("account_id","record_type_id","id");--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_type_status_fk" FOREIGN KEY ("account_id","record_type_id","status_id") REFERENCES "public"."record_statuses"("account_id","record_type_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" DROP CONSTRAINT "sales_records_account_id_accounts_id_fk";--> statement-breakpoint
ALTER TABLE "sales_records" DROP CONSTRAINT "sales_records_account_id_record_type_id_record_types_account_id_id_fk";--> statement-breakpoint
ALTER TABLE "sales_records" DROP CONSTRAINT "sales_records_account_id_status_id_record_statuses_account_id_id_fk";--> statement-breakpoint
-- Only records with a cell phone: most leads have none, and every lookup is by equality.
DROP INDEX "sales_records_cell_idx";--> statement-breakpoint
CREATE INDEX "sales_records_cell_idx" ON "sales_records" USING btree ("account_id","cell_phone") WHERE cell_phone is not null;
