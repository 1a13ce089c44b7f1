CREATE TABLE "simulator_phones" (
	"account_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"fail_next" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "simulator_phones_account_id_phone_pk" PRIMARY KEY("account_id","phone")
);
--> statement-breakpoint
CREATE TABLE "outbound_daily" (
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"dispatched" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "outbound_daily_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
CREATE TABLE "outbound_pace" (
	"account_id" uuid NOT NULL,
	"phone_number_id" uuid NOT NULL,
	"next_slot_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "outbound_pace_account_id_phone_number_id_pk" PRIMARY KEY("account_id","phone_number_id")
);
--> statement-breakpoint
ALTER TABLE "simulator_phones" ADD CONSTRAINT "simulator_phones_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_daily" ADD CONSTRAINT "outbound_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_pace" ADD CONSTRAINT "outbound_pace_account_id_phone_number_id_phone_numbers_account_id_id_fk" FOREIGN KEY ("account_id","phone_number_id") REFERENCES "public"."phone_numbers"("account_id","id") ON DELETE cascade ON UPDATE no action;