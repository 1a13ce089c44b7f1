CREATE TABLE "sales_record_notes" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sales_record_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_record_notes_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_records" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"status_id" uuid NOT NULL,
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
	"coverage_type" text,
	"carrier" text,
	"product" text,
	"assigned_user_id" uuid,
	"assigned_agent_id" uuid,
	"lead_source" text,
	"lead_date" date,
	"manual_temperature" text,
	"custom_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "sales_records_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "sales_record_notes" ADD CONSTRAINT "sales_record_notes_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_record_type_id_record_types_account_id_id_fk" FOREIGN KEY ("account_id","record_type_id") REFERENCES "public"."record_types"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_status_id_record_statuses_account_id_id_fk" FOREIGN KEY ("account_id","status_id") REFERENCES "public"."record_statuses"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_assigned_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","assigned_user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_records" ADD CONSTRAINT "sales_records_account_id_assigned_agent_id_agents_account_id_id_fk" FOREIGN KEY ("account_id","assigned_agent_id") REFERENCES "public"."agents"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sales_record_notes_record_idx" ON "sales_record_notes" USING btree ("account_id","sales_record_id","created_at");--> statement-breakpoint
CREATE INDEX "sales_records_created_idx" ON "sales_records" USING btree ("account_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "sales_records_type_idx" ON "sales_records" USING btree ("account_id","record_type_id","created_at" DESC NULLS LAST) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "sales_records_assigned_user_idx" ON "sales_records" USING btree ("account_id","assigned_user_id");--> statement-breakpoint
CREATE INDEX "sales_records_assigned_agent_idx" ON "sales_records" USING btree ("account_id","assigned_agent_id");--> statement-breakpoint
CREATE INDEX "sales_records_last_name_idx" ON "sales_records" USING btree ("account_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sales_records_first_name_idx" ON "sales_records" USING btree ("account_id",lower("first_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sales_records_phone_idx" ON "sales_records" USING btree ("account_id","phone");--> statement-breakpoint
CREATE INDEX "sales_records_cell_idx" ON "sales_records" USING btree ("account_id","cell_phone");--> statement-breakpoint
CREATE INDEX "sales_records_email_idx" ON "sales_records" USING btree ("account_id",lower("email") text_pattern_ops);