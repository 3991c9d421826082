ALTER TABLE "make_up_tasks" ADD COLUMN "waive_reason" text;--> statement-breakpoint
ALTER TABLE "make_up_tasks" ADD COLUMN "waived_by" uuid;--> statement-breakpoint
ALTER TABLE "make_up_tasks" ADD CONSTRAINT "make_up_tasks_waived_by_users_id_fk" FOREIGN KEY ("waived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;