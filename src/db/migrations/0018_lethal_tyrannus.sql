CREATE TABLE "policy_commissions" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"rate_percent" numeric(6, 3),
	"amount" numeric(12, 2),
	"payer" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_commissions_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "policy_commissions_kind_ck" CHECK ("policy_commissions"."kind" in ('first_year', 'renewal')),
	CONSTRAINT "policy_commissions_basis_ck" CHECK (("policy_commissions"."basis" = 'percent' and "policy_commissions"."rate_percent" is not null and "policy_commissions"."amount" is null) or ("policy_commissions"."basis" = 'flat' and "policy_commissions"."amount" is not null and "policy_commissions"."rate_percent" is null))
);
--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "renewal_cycle" text;--> statement-breakpoint
ALTER TABLE "policy_commissions" ADD CONSTRAINT "policy_commissions_account_id_policy_id_policies_account_id_id_fk" FOREIGN KEY ("account_id","policy_id") REFERENCES "public"."policies"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_commissions_policy_idx" ON "policy_commissions" USING btree ("account_id","policy_id");--> statement-breakpoint
CREATE INDEX "sales_records_individual_idx" ON "sales_records" USING btree ("account_id","individual_id") WHERE "sales_records"."individual_id" is not null;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_renewal_cycle_ck" CHECK ("policies"."renewal_cycle" in ('monthly', 'quarterly', 'semiannual', 'annual', 'calendar_year'));