CREATE TABLE "simulator_phones" (
	"account_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"fail_next" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "simulator_phones_account_id_phone_pk" PRIMARY KEY("account_id","phone")
);
--> statement-breakpoint
ALTER TABLE "simulator_phones" ADD CONSTRAINT "simulator_phones_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;