-- Every record type, agent and user id belongs to one account: tell the planner, so estimates for
-- "this account's Leads / this agent's records" are not 10–1000× too low (see docs/performance.md).
CREATE STATISTICS IF NOT EXISTS "sales_records_account_type_stx" (mcv) ON "account_id", "record_type_id" FROM "sales_records";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "sales_records_account_agent_stx" (mcv) ON "account_id", "assigned_agent_id" FROM "sales_records";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "sales_records_account_user_stx" (mcv) ON "account_id", "assigned_user_id" FROM "sales_records";--> statement-breakpoint
ANALYZE "sales_records";
