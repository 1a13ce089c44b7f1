CREATE TABLE "appointment_bookings" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"sales_record_id" uuid,
	"individual_id" uuid,
	"matched_on" text,
	"status" text DEFAULT 'booked' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"rescheduled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_bookings_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "appointment_schedule_users" (
	"account_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "appointment_schedule_users_account_id_schedule_id_user_id_pk" PRIMARY KEY("account_id","schedule_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_schedules" (
	"account_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"owner_user_id" uuid,
	"time_zone" text NOT NULL,
	"length_minutes" integer NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"date_overrides" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"days_off" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"minimum_notice_minutes" integer DEFAULT 0 NOT NULL,
	"horizon_days" integer NOT NULL,
	"activity_type_id" uuid NOT NULL,
	"activity_status_id" uuid NOT NULL,
	"form" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_schedules_account_id_id_pk" PRIMARY KEY("account_id","id")
);
--> statement-breakpoint
CREATE TABLE "schedule_slugs" (
	"slug" text PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"schedule_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_account_id_schedule_id_appointment_schedules_account_id_id_fk" FOREIGN KEY ("account_id","schedule_id") REFERENCES "public"."appointment_schedules"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_account_id_activity_id_activities_account_id_id_fk" FOREIGN KEY ("account_id","activity_id") REFERENCES "public"."activities"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_account_id_sales_record_id_sales_records_account_id_id_fk" FOREIGN KEY ("account_id","sales_record_id") REFERENCES "public"."sales_records"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_bookings" ADD CONSTRAINT "appointment_bookings_account_id_individual_id_individuals_account_id_id_fk" FOREIGN KEY ("account_id","individual_id") REFERENCES "public"."individuals"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedule_users" ADD CONSTRAINT "appointment_schedule_users_account_id_schedule_id_appointment_schedules_account_id_id_fk" FOREIGN KEY ("account_id","schedule_id") REFERENCES "public"."appointment_schedules"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedule_users" ADD CONSTRAINT "appointment_schedule_users_account_id_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","user_id") REFERENCES "public"."users"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedules" ADD CONSTRAINT "appointment_schedules_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedules" ADD CONSTRAINT "appointment_schedules_account_id_owner_user_id_users_account_id_id_fk" FOREIGN KEY ("account_id","owner_user_id") REFERENCES "public"."users"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedules" ADD CONSTRAINT "appointment_schedules_account_id_activity_type_id_activity_types_account_id_id_fk" FOREIGN KEY ("account_id","activity_type_id") REFERENCES "public"."activity_types"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_schedules" ADD CONSTRAINT "appointment_schedules_account_id_activity_status_id_activity_statuses_account_id_id_fk" FOREIGN KEY ("account_id","activity_status_id") REFERENCES "public"."activity_statuses"("account_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_slugs" ADD CONSTRAINT "schedule_slugs_account_id_schedule_id_appointment_schedules_account_id_id_fk" FOREIGN KEY ("account_id","schedule_id") REFERENCES "public"."appointment_schedules"("account_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_bookings_token_uq" ON "appointment_bookings" USING btree ("account_id","token_hash");--> statement-breakpoint
CREATE INDEX "appointment_bookings_schedule_idx" ON "appointment_bookings" USING btree ("account_id","schedule_id","created_at");--> statement-breakpoint
CREATE INDEX "appointment_bookings_activity_idx" ON "appointment_bookings" USING btree ("account_id","activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_schedule_users_position_uq" ON "appointment_schedule_users" USING btree ("account_id","schedule_id","position");--> statement-breakpoint
CREATE INDEX "appointment_schedule_users_user_idx" ON "appointment_schedule_users" USING btree ("account_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_schedules_owner_uq" ON "appointment_schedules" USING btree ("account_id","owner_user_id") WHERE owner_user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_slugs_schedule_uq" ON "schedule_slugs" USING btree ("account_id","schedule_id");