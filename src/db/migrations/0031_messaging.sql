CREATE TABLE "message_records" (
	"account_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_records_account_id_message_id_record_type_record_id_pk" PRIMARY KEY("account_id","message_id","record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "message_status_events" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"status" text NOT NULL,
	"error_code" text,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"raw" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "message_status_events_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "message_templates" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone,
	CONSTRAINT "message_templates_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"origin" text,
	"status" text NOT NULL,
	"delivery_status" text,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"phone_number_id" uuid,
	"user_id" uuid,
	"email_id" uuid,
	"attachment_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"provider" text,
	"provider_message_id" text,
	"segments" integer,
	"encoding" text,
	"send_after" timestamp (3) with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error_code" text,
	"error_message" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"status_at" timestamp (3) with time zone,
	"read_at" timestamp (3) with time zone,
	"read_by_user_id" uuid,
	"revocation" text,
	CONSTRAINT "messages_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "messaging_settings" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"help_text" text,
	"opt_out_confirmation" text,
	"sender_window_start" text DEFAULT '08:00' NOT NULL,
	"sender_window_end" text DEFAULT '19:00' NOT NULL,
	"per_number_per_second" integer DEFAULT 1 NOT NULL,
	"brand_daily_cap" integer DEFAULT 2000 NOT NULL,
	"updated_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "opt_out_ledger" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"phone" text NOT NULL,
	"account_number" text NOT NULL,
	"action" text NOT NULL,
	"source" text NOT NULL,
	"keyword" text,
	"message_id" uuid,
	"body" text,
	"user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opt_out_ledger_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "phone_numbers" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"number" text NOT NULL,
	"label" text NOT NULL,
	"provider" text NOT NULL,
	"provider_sid" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp (3) with time zone,
	CONSTRAINT "phone_numbers_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_phone_numbers" (
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"phone_number_id" uuid NOT NULL,
	CONSTRAINT "user_phone_numbers_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "message_records" ADD CONSTRAINT "message_records_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_status_events" ADD CONSTRAINT "message_status_events_account_id_message_id_messages_account_id_id_fk" FOREIGN KEY ("account_id","message_id") REFERENCES "public"."messages"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_settings" ADD CONSTRAINT "messaging_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opt_out_ledger" ADD CONSTRAINT "opt_out_ledger_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_numbers" ADD CONSTRAINT "phone_numbers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_phone_numbers" ADD CONSTRAINT "user_phone_numbers_account_id_phone_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","phone_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_records_record_idx" ON "message_records" USING btree ("account_id","record_type","record_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_status_events_once_uq" ON "message_status_events" USING btree ("account_id","message_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_name_uq" ON "message_templates" USING btree ("account_id","channel","name");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "messages" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_provider_id_uq" ON "messages" USING btree ("provider","provider_message_id") WHERE provider_message_id is not null;--> statement-breakpoint
CREATE INDEX "messages_due_idx" ON "messages" USING btree ("send_after") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "messages" USING btree ("account_id","created_at") WHERE direction = 'inbound' and read_at is null;--> statement-breakpoint
CREATE INDEX "opt_out_ledger_phone_idx" ON "opt_out_ledger" USING btree ("account_id","phone","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_numbers_number_uq" ON "phone_numbers" USING btree ("number") WHERE deleted_at is null;