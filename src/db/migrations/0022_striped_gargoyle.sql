DROP INDEX "sales_records_last_name_idx";--> statement-breakpoint
DROP INDEX "sales_records_first_name_idx";