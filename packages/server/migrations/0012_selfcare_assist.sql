CREATE TABLE "assist_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agent_id" uuid,
	"source" text NOT NULL,
	"external_ref" text,
	"customer_message_count" integer DEFAULT 0 NOT NULL,
	"agent_message_count" integer DEFAULT 0 NOT NULL,
	"peak_risk" text DEFAULT 'low' NOT NULL,
	"last_risk" text DEFAULT 'low' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"escalated_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assist_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"risk" text NOT NULL,
	"emotion" text NOT NULL,
	"excerpt" jsonb NOT NULL,
	"note" text,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assist_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"seconds" integer NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "selfcare_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stress_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"questionnaire" text NOT NULL,
	"answers" jsonb NOT NULL,
	"score" integer NOT NULL,
	"band" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assist_conversations" ADD CONSTRAINT "assist_conversations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_conversations" ADD CONSTRAINT "assist_conversations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_escalations" ADD CONSTRAINT "assist_escalations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_escalations" ADD CONSTRAINT "assist_escalations_conversation_id_assist_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."assist_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_escalations" ADD CONSTRAINT "assist_escalations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_escalations" ADD CONSTRAINT "assist_escalations_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_pauses" ADD CONSTRAINT "assist_pauses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_pauses" ADD CONSTRAINT "assist_pauses_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_api_tokens" ADD CONSTRAINT "organisation_api_tokens_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_api_tokens" ADD CONSTRAINT "organisation_api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare_entries" ADD CONSTRAINT "selfcare_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selfcare_entries" ADD CONSTRAINT "selfcare_entries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_checks" ADD CONSTRAINT "stress_checks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stress_checks" ADD CONSTRAINT "stress_checks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assist_conversations_agent_idx" ON "assist_conversations" USING btree ("organisation_id","agent_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assist_conversations_external_key" ON "assist_conversations" USING btree ("organisation_id","external_ref") WHERE external_ref IS NOT NULL;--> statement-breakpoint
CREATE INDEX "assist_escalations_org_idx" ON "assist_escalations" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "assist_pauses_agent_idx" ON "assist_pauses" USING btree ("organisation_id","agent_id","taken_at");--> statement-breakpoint
CREATE UNIQUE INDEX "organisation_api_tokens_hash_key" ON "organisation_api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "organisation_api_tokens_org_idx" ON "organisation_api_tokens" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "selfcare_entries_owner_idx" ON "selfcare_entries" USING btree ("owner_id","organisation_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "stress_checks_owner_idx" ON "stress_checks" USING btree ("owner_id","organisation_id","taken_at");--> statement-breakpoint
CREATE INDEX "stress_checks_org_idx" ON "stress_checks" USING btree ("organisation_id","taken_at");