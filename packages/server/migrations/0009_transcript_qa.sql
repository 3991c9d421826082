CREATE TABLE "qa_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"import_id" uuid,
	"agent_key" text,
	"agent_name" text,
	"agent_user_id" uuid,
	"shop" text,
	"channel" text,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"message_count" integer NOT NULL,
	"score" integer,
	"is_de_escalated" boolean NOT NULL,
	"had_high_risk" boolean NOT NULL,
	"is_escalation_missed" boolean NOT NULL,
	"first_response_seconds" integer,
	"avg_response_seconds" integer,
	"empathy_rate" integer,
	"flags" text[] NOT NULL,
	"analysis" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_flag_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flag_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"done_by" uuid,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "qa_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "qa_import_rejects" (
	"import_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"row_number" integer NOT NULL,
	"message_index" integer,
	"reason" text NOT NULL,
	CONSTRAINT "qa_import_rejects_import_id_ordinal_pk" PRIMARY KEY("import_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "qa_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source_id" uuid,
	"file_name" text NOT NULL,
	"format" text,
	"size_bytes" bigint DEFAULT 0 NOT NULL,
	"mapping" jsonb,
	"status" text DEFAULT 'uploading' NOT NULL,
	"phase" text,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"conversations_total" integer DEFAULT 0 NOT NULL,
	"conversations_done" integer DEFAULT 0 NOT NULL,
	"conversations_skipped" integer DEFAULT 0 NOT NULL,
	"last_conversation_key" text,
	"is_cancel_requested" boolean DEFAULT false NOT NULL,
	"error" text,
	"worker_id" text,
	"heartbeat_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_messages" (
	"conversation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"at" timestamp with time zone,
	"role" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "qa_messages_conversation_id_seq_pk" PRIMARY KEY("conversation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "qa_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"is_masking_enabled" boolean DEFAULT true NOT NULL,
	"retention_days" integer,
	"coaching_threshold" integer DEFAULT 60 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_staging" (
	"import_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"conversation_key" text NOT NULL,
	"at" timestamp with time zone,
	"role" text NOT NULL,
	"agent_id" text,
	"agent_name" text,
	"text" text NOT NULL,
	"shop" text,
	"channel" text,
	CONSTRAINT "qa_staging_import_id_ordinal_pk" PRIMARY KEY("import_id","ordinal")
);
--> statement-breakpoint
ALTER TABLE "qa_conversations" ADD CONSTRAINT "qa_conversations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_conversations" ADD CONSTRAINT "qa_conversations_source_id_qa_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."qa_sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_conversations" ADD CONSTRAINT "qa_conversations_import_id_qa_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."qa_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_conversations" ADD CONSTRAINT "qa_conversations_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flag_comments" ADD CONSTRAINT "qa_flag_comments_flag_id_qa_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."qa_flags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flag_comments" ADD CONSTRAINT "qa_flag_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flags" ADD CONSTRAINT "qa_flags_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flags" ADD CONSTRAINT "qa_flags_conversation_id_qa_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."qa_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flags" ADD CONSTRAINT "qa_flags_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_flags" ADD CONSTRAINT "qa_flags_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_import_chunks" ADD CONSTRAINT "qa_import_chunks_import_id_qa_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."qa_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_import_rejects" ADD CONSTRAINT "qa_import_rejects_import_id_qa_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."qa_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_imports" ADD CONSTRAINT "qa_imports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_imports" ADD CONSTRAINT "qa_imports_source_id_qa_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."qa_sources"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_imports" ADD CONSTRAINT "qa_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_messages" ADD CONSTRAINT "qa_messages_conversation_id_qa_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."qa_conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_settings" ADD CONSTRAINT "qa_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_sources" ADD CONSTRAINT "qa_sources_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qa_staging" ADD CONSTRAINT "qa_staging_import_id_qa_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."qa_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "qa_conversations_source_external" ON "qa_conversations" USING btree ("organisation_id","source_id","external_id");--> statement-breakpoint
CREATE INDEX "qa_conversations_org_started_idx" ON "qa_conversations" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "qa_conversations_agent_idx" ON "qa_conversations" USING btree ("organisation_id","agent_user_id","started_at");--> statement-breakpoint
CREATE INDEX "qa_flag_comments_flag_idx" ON "qa_flag_comments" USING btree ("flag_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_flags_conversation_key" ON "qa_flags" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "qa_flags_org_status_idx" ON "qa_flags" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "qa_imports_org_idx" ON "qa_imports" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "qa_imports_status_idx" ON "qa_imports" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_sources_org_name" ON "qa_sources" USING btree ("organisation_id","name");--> statement-breakpoint
CREATE INDEX "qa_staging_conversation_idx" ON "qa_staging" USING btree ("import_id","conversation_key");