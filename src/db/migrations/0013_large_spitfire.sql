CREATE TABLE "activities" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"activity_type_id" uuid NOT NULL,
	"status_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"owner_user_id" uuid,
	"owner_team_id" uuid,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"all_day" boolean DEFAULT false NOT NULL,
	"sales_record_id" uuid,
	"individual_id" uuid,
	"agent_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_user_id" uuid,
	"source" text DEFAULT 'manual' NOT NULL,
	"schedule_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "activities_one_owner" CHECK (num_nonnulls("activities"."owner_user_id", "activities"."owner_team_id") = 1),
	CONSTRAINT "activities_one_record" CHECK (num_nonnulls("activities"."sales_record_id", "activities"."individual_id", "activities"."agent_id") <= 1),
	CONSTRAINT "activities_ends_after_start" CHECK ("activities"."ends_at" is null or "activities"."starts_at" is not null and "activities"."ends_at" >= "activities"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "activity_statuses" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"is_closed" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_statuses_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "activity_types" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"category" text,
	"color" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_types_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_activity_type_id_activity_types_account_id_id_fk" FOREIGN KEY ("account_id","activity_type_id") REFERENCES "public"."activity_types"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_status_id_activity_statuses_account_id_id_fk" FOREIGN KEY ("account_id","status_id") REFERENCES "public"."activity_statuses"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_owner_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","owner_user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_owner_team_id_teams_account_id_id_fk" FOREIGN KEY ("account_id","owner_team_id") REFERENCES "public"."teams"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_account_id_agent_id_agents_account_id_id_fk" FOREIGN KEY ("account_id","agent_id") REFERENCES "public"."agents"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_statuses" ADD CONSTRAINT "activity_statuses_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_types" ADD CONSTRAINT "activity_types_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_owner_user_start_idx" ON "activities" USING btree ("account_id","owner_user_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_owner_team_start_idx" ON "activities" USING btree ("account_id","owner_team_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_owner_user_due_idx" ON "activities" USING btree ("account_id","owner_user_id","due_at");--> statement-breakpoint
CREATE INDEX "activities_sales_record_idx" ON "activities" USING btree ("account_id","sales_record_id");--> statement-breakpoint
CREATE INDEX "activities_individual_idx" ON "activities" USING btree ("account_id","individual_id");--> statement-breakpoint
CREATE INDEX "activities_agent_idx" ON "activities" USING btree ("account_id","agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_statuses_name_uq" ON "activity_statuses" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "activity_types_name_uq" ON "activity_types" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_uq" ON "calendar_feeds" USING btree ("account_id","token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("account_id","user_id");