CREATE TABLE "roleplay_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"is_llm_enabled" boolean DEFAULT false NOT NULL,
	"llm_base_url" text,
	"llm_model" text,
	"llm_api_key" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "roleplay_settings" ADD CONSTRAINT "roleplay_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roleplay_settings" ADD CONSTRAINT "roleplay_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;