CREATE TABLE "record_files" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"sales_record_id" uuid,
	"individual_id" uuid,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"storage_key" text,
	"content_type" text,
	"size_bytes" bigint,
	"sha256" text,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_files_account_id_id_pk" PRIMARY KEY("account_id","id"),
	CONSTRAINT "record_files_owner_ck" CHECK ("record_files"."sales_record_id" is not null or "record_files"."individual_id" is not null),
	CONSTRAINT "record_files_kind_ck" CHECK (("record_files"."kind" = 'url' and "record_files"."url" is not null) or ("record_files"."kind" = 'upload' and "record_files"."storage_key" is not null))
);
--> statement-breakpoint
ALTER TABLE "record_files" ADD CONSTRAINT "record_files_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_files" ADD CONSTRAINT "record_files_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_files_sales_record_idx" ON "record_files" USING btree ("account_id","sales_record_id");--> statement-breakpoint
CREATE INDEX "record_files_individual_idx" ON "record_files" USING btree ("account_id","individual_id");