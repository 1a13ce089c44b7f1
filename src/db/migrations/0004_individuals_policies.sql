CREATE TABLE "individual_notes" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"individual_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"from_sales_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "individual_notes_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "individuals" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"middle_name" text,
	"last_name" text NOT NULL,
	"date_of_birth" date,
	"gender" text,
	"email" text,
	"phone" text,
	"cell_phone" text,
	"street" text,
	"city" text,
	"state" text,
	"zip" text,
	"county" text,
	"medicare_number" text,
	"part_a_date" date,
	"part_b_date" date,
	"servicing_agent_id" uuid,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "individuals_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sales_record_id" uuid,
	"individual_id" uuid,
	"carrier" text NOT NULL,
	"product" text NOT NULL,
	"coverage_type" text,
	"premium" numeric(12, 2),
	"effective_date" date,
	"status" text DEFAULT 'quoted' NOT NULL,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "policies_owner_ck" CHECK ("policies"."sales_record_id" is not null or "policies"."individual_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "sales_records" ADD COLUMN "individual_id" uuid;--> statement-breakpoint
ALTER TABLE "sales_records" ADD COLUMN "converted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "individual_notes" ADD CONSTRAINT "individual_notes_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individuals" ADD CONSTRAINT "individuals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "individuals" ADD CONSTRAINT "individuals_account_id_servicing_agent_id_agents_account_id_id_fk" FOREIGN KEY ("account_id","servicing_agent_id") REFERENCES "public"."agents"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "individual_notes_idx" ON "individual_notes" USING btree ("account_id","individual_id","created_at");--> statement-breakpoint
CREATE INDEX "individuals_created_idx" ON "individuals" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "individuals_agent_idx" ON "individuals" USING btree ("account_id","servicing_agent_id");--> statement-breakpoint
CREATE INDEX "individuals_last_name_idx" ON "individuals" USING btree ("account_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "individuals_first_name_idx" ON "individuals" USING btree ("account_id",lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "individuals_phone_idx" ON "individuals" USING btree ("account_id","phone");--> statement-breakpoint
CREATE INDEX "individuals_cell_idx" ON "individuals" USING btree ("account_id","cell_phone");--> statement-breakpoint
CREATE INDEX "individuals_email_idx" ON "individuals" USING btree ("account_id",lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "policies_sales_record_idx" ON "policies" USING btree ("account_id","sales_record_id");--> statement-breakpoint
CREATE INDEX "policies_individual_idx" ON "policies" USING btree ("account_id","individual_id");--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE no action ON UPDATE no action;