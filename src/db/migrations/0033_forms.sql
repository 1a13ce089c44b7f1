CREATE TABLE "form_document_hashes" (
	"sha256" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"document_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "form_documents" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_documents_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "form_events" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"type" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	"user_id" uuid,
	"detail" text,
	CONSTRAINT "form_events_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "form_requests" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sales_record_id" uuid,
	"individual_id" uuid,
	"sender_user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"channel" text NOT NULL,
	"sent_to" text NOT NULL,
	"message_id" uuid,
	"language" text NOT NULL,
	"plans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"first_contact_method" text,
	"appointment_at" timestamp (3) with time zone,
	"appointment_completed_at" timestamp (3) with time zone,
	"exception_reason" text,
	"exception_note" text,
	"beneficiary_name" text NOT NULL,
	"agent" jsonb NOT NULL,
	"signer_name" text,
	"authorized_rep" jsonb,
	"signature" jsonb,
	"consented_at" timestamp (3) with time zone,
	"signed_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_requests_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "form_requests_record_ck" CHECK (num_nonnulls("form_requests"."sales_record_id", "form_requests"."individual_id") = 1),
	CONSTRAINT "form_requests_kind_ck" CHECK ("form_requests"."kind" in ('soa', 'aca_consent', 'aca_attestation'))
);
--> statement-breakpoint
CREATE TABLE "form_settings" (
	"account_id" uuid NOT NULL,
	"family" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"plans_offered" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"default_plans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signature_modes" jsonb DEFAULT '["typed","drawn"]'::jsonb NOT NULL,
	"templates" jsonb NOT NULL,
	"success_url" text,
	"retention_years" integer DEFAULT 10 NOT NULL,
	"keep_forty_eight_hour_policy" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_settings_account_id_family_pk" PRIMARY KEY("account_id","family"),
	CONSTRAINT "form_settings_family_ck" CHECK ("form_settings"."family" in ('soa', 'aca')),
	CONSTRAINT "form_settings_retention_ck" CHECK ("form_settings"."retention_years" >= 10)
);
--> statement-breakpoint
ALTER TABLE "form_document_hashes" ADD CONSTRAINT "form_document_hashes_account_id_document_id_form_documents_account_id_id_fk" FOREIGN KEY ("account_id","document_id") REFERENCES "public"."form_documents"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_documents" ADD CONSTRAINT "form_documents_account_id_form_id_form_requests_account_id_id_fk" FOREIGN KEY ("account_id","form_id") REFERENCES "public"."form_requests"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_events" ADD CONSTRAINT "form_events_account_id_form_id_form_requests_account_id_id_fk" FOREIGN KEY ("account_id","form_id") REFERENCES "public"."form_requests"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_account_id_sender_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","sender_user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_settings" ADD CONSTRAINT "form_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "form_documents_version_uq" ON "form_documents" USING btree ("account_id","form_id","version");--> statement-breakpoint
CREATE INDEX "form_documents_sha_idx" ON "form_documents" USING btree ("account_id","sha256");--> statement-breakpoint
CREATE INDEX "form_events_form_idx" ON "form_events" USING btree ("account_id","form_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "form_requests_token_uq" ON "form_requests" USING btree ("account_id","token_hash");--> statement-breakpoint
CREATE INDEX "form_requests_sales_record_idx" ON "form_requests" USING btree ("account_id","sales_record_id");--> statement-breakpoint
CREATE INDEX "form_requests_individual_idx" ON "form_requests" USING btree ("account_id","individual_id");