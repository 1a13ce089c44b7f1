CREATE TABLE "user_activity_visibility" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"visible_user_id" uuid NOT NULL,
	CONSTRAINT "user_activity_visibility_account_id_user_id_visible_user_id_pk" PRIMARY KEY("account_id","user_id","visible_user_id")
);
--> statement-breakpoint
CREATE TABLE "user_sales_rep_ids" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"value" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_sales_rep_ids_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"npn" text,
	"email" text,
	"phone" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_agent_links" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "user_agent_links_account_id_user_id_kind_agent_id_pk" PRIMARY KEY("account_id","user_id","kind","agent_id")
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"account_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "team_members_account_id_team_id_user_id_pk" PRIMARY KEY("account_id","team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teams_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "record_statuses" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"record_type_id" uuid NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_closed_won" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_statuses_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "record_types" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"list_options" jsonb DEFAULT '{"columns":[],"sort":"-createdAt"}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_types_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
DROP INDEX "users_email_uq";--> statement-breakpoint
DROP INDEX "users_username_uq";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sales_permissions" jsonb DEFAULT '{"textingWindow":{"start":"08:00","end":"19:00"},"recordAccess":"all","agentDropdownView":"all","recordTypeAccess":{},"flags":{"downloadReports":false,"viewMessagesTab":false,"viewAllSms":false,"viewMissedCalls":false,"viewUnassignedRecordings":false}}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "custom_fields" jsonb DEFAULT '["","","",""]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "view_other_users_activities" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "npn" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "signature" jsonb;--> statement-breakpoint
ALTER TABLE "user_activity_visibility" ADD CONSTRAINT "user_activity_visibility_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_activity_visibility" ADD CONSTRAINT "user_activity_visibility_account_id_visible_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","visible_user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_sales_rep_ids" ADD CONSTRAINT "user_sales_rep_ids_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agent_links" ADD CONSTRAINT "user_agent_links_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_agent_links" ADD CONSTRAINT "user_agent_links_account_id_agent_id_agents_account_id_id_fk" FOREIGN KEY ("account_id","agent_id") REFERENCES "public"."agents"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_account_id_team_id_teams_account_id_id_fk" FOREIGN KEY ("account_id","team_id") REFERENCES "public"."teams"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_statuses" ADD CONSTRAINT "record_statuses_account_id_record_type_id_record_types_account_id_id_fk" FOREIGN KEY ("account_id","record_type_id") REFERENCES "public"."record_types"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_types" ADD CONSTRAINT "record_types_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_sales_rep_ids_value_uq" ON "user_sales_rep_ids" USING btree ("account_id","user_id","value");--> statement-breakpoint
CREATE INDEX "agents_name_idx" ON "agents" USING btree ("account_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "user_agent_links_agent_idx" ON "user_agent_links" USING btree ("account_id","agent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_name_uq" ON "teams" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "record_statuses_name_uq" ON "record_statuses" USING btree ("account_id","record_type_id",lower("name"));--> statement-breakpoint
CREATE INDEX "record_statuses_type_idx" ON "record_statuses" USING btree ("account_id","record_type_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "record_types_name_uq" ON "record_types" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("account_id",lower("email")) WHERE deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_uq" ON "users" USING btree ("account_id",lower("username")) WHERE deleted_at is null;