CREATE TABLE "roleplay_assignment_targets" (
	"assignment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "roleplay_assignment_targets_assignment_id_user_id_pk" PRIMARY KEY("assignment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "roleplay_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"assigned_by" uuid,
	"due_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roleplay_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"assignment_id" uuid,
	"seed" integer NOT NULL,
	"scenario" jsonb NOT NULL,
	"session" jsonb NOT NULL,
	"outcome" text,
	"total" integer,
	"scores" jsonb,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roleplay_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"attempt_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roleplay_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"yaml" text NOT NULL,
	"status" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roleplay_assignment_targets" ADD CONSTRAINT "roleplay_assignment_targets_assignment_id_roleplay_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."roleplay_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_assignment_targets" ADD CONSTRAINT "roleplay_assignment_targets_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_assignments" ADD CONSTRAINT "roleplay_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_assignments" ADD CONSTRAINT "roleplay_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_attempts" ADD CONSTRAINT "roleplay_attempts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_attempts" ADD CONSTRAINT "roleplay_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_comments" ADD CONSTRAINT "roleplay_comments_attempt_id_roleplay_attempts_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."roleplay_attempts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_comments" ADD CONSTRAINT "roleplay_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_scenarios" ADD CONSTRAINT "roleplay_scenarios_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_scenarios" ADD CONSTRAINT "roleplay_scenarios_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "roleplay_assignment_targets_user_idx" ON "roleplay_assignment_targets" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "roleplay_assignments_org_idx" ON "roleplay_assignments" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "roleplay_attempts_org_user_idx" ON "roleplay_attempts" USING btree ("organisation_id","user_id","started_at");--> statement-breakpoint
CREATE INDEX "roleplay_attempts_org_scenario_idx" ON "roleplay_attempts" USING btree ("organisation_id","scenario_id");--> statement-breakpoint
CREATE INDEX "roleplay_comments_attempt_idx" ON "roleplay_comments" USING btree ("attempt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "roleplay_scenarios_org_id_key" ON "roleplay_scenarios" USING btree ("organisation_id","scenario_id");