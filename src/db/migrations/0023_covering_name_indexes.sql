-- Name-prefix search indexes that cover the lead list's scope, order and page columns, so a name
-- search reads only index pages for every match and the table only for the page's rows (an
-- index-only scan; see list-sales-records.ts). Drizzle cannot declare INCLUDE, hence this file.
CREATE INDEX "sales_records_last_name_idx" ON "sales_records" USING btree ("account_id", lower("last_name") text_pattern_ops) INCLUDE ("id", "created_at", "deleted_at", "first_name", "last_name", "record_type_id", "assigned_user_id", "assigned_agent_id");--> statement-breakpoint
CREATE INDEX "sales_records_first_name_idx" ON "sales_records" USING btree ("account_id", lower("first_name") text_pattern_ops) INCLUDE ("id", "created_at", "deleted_at", "first_name", "last_name", "record_type_id", "assigned_user_id", "assigned_agent_id");
