-- Schema version 7: goal editing.
-- Targets: who set them and the owner's proposal (targets are agreed, not dictated); metric always a
-- kpi --json value key or 'manual' (the old free targets, metric '', become 'manual'; the demo's
-- old names become their KPI keys), unit from the metric.
ALTER TABLE "goal_target" ADD COLUMN "assigned_by_id" INTEGER REFERENCES "user" ("id") ON DELETE SET NULL;
ALTER TABLE "goal_target" ADD COLUMN "proposed_value" INTEGER;
ALTER TABLE "goal_target" ADD COLUMN "proposal_reason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "goal_target" ADD COLUMN "proposed_by_id" INTEGER REFERENCES "user" ("id") ON DELETE SET NULL;
ALTER TABLE "goal_target" ADD COLUMN "proposed_at" DATETIME;
ALTER TABLE "goal_target" ADD COLUMN "proposal_state" VARCHAR(10) NOT NULL DEFAULT '';
ALTER TABLE "goal_target" ADD COLUMN "decided_at" DATETIME;
CREATE INDEX "goal_target_assigned_by_id" ON "goal_target" ("assigned_by_id");
CREATE INDEX "goal_target_proposed_by_id" ON "goal_target" ("proposed_by_id");
UPDATE "goal_target" SET "metric" = 'signed_amount_cents' WHERE "metric" = 'signed_amount';
UPDATE "goal_target" SET "metric" = 'collected_amount_cents' WHERE "metric" = 'collected_amount';
UPDATE "goal_target" SET "metric" = 'activity_total' WHERE "metric" = 'activity_counts';
UPDATE "goal_target" SET "label" = "metric" WHERE "label" = '' AND "metric" NOT IN ('new_clients', 'first_signings', 'conversion_rate', 'repeat_rate', 'first_order_avg_cents', 'follow_up_cycle_days_mean', 'follow_up_cycle_days_median', 'follow_ups_per_signed_client', 'signed_amount_cents', 'collected_amount_cents', 'planned_collection_cents', 'activity_call', 'activity_sms', 'activity_visit', 'activity_wechat', 'activity_email', 'activity_meeting', 'activity_total', 'call_minutes', 'new_opportunity_value_cents', 'won_count', 'won_amount_cents', 'lost_count', 'lost_amount_cents', 'behaviour_score');
UPDATE "goal_target" SET "metric" = 'manual' WHERE "metric" NOT IN ('new_clients', 'first_signings', 'conversion_rate', 'repeat_rate', 'first_order_avg_cents', 'follow_up_cycle_days_mean', 'follow_up_cycle_days_median', 'follow_ups_per_signed_client', 'signed_amount_cents', 'collected_amount_cents', 'planned_collection_cents', 'activity_call', 'activity_sms', 'activity_visit', 'activity_wechat', 'activity_email', 'activity_meeting', 'activity_total', 'call_minutes', 'new_opportunity_value_cents', 'won_count', 'won_amount_cents', 'lost_count', 'lost_amount_cents', 'behaviour_score');
UPDATE "goal_target" SET "unit" = 'cents' WHERE "metric" LIKE '%\_cents' ESCAPE '\';
UPDATE "goal_target" SET "unit" = 'count' WHERE "metric" IN ('new_clients', 'first_signings', 'activity_call', 'activity_sms', 'activity_visit', 'activity_wechat', 'activity_email', 'activity_meeting', 'activity_total', 'won_count', 'lost_count');
-- Action targets: the categories market_activity, training, routine, special_communication, custom
-- (custom carries its name in "label"); the old plan types map onto them; linked clients per action.
ALTER TABLE "goal_action" ADD COLUMN "label" VARCHAR(100) NOT NULL DEFAULT '';
UPDATE "goal_action" SET "category" = 'routine' WHERE "category" IN ('keep_in_touch', 'greeting');
UPDATE "goal_action" SET "category" = 'special_communication' WHERE "category" IN ('improve_relationship', 'cultivate_demand', 'dig_opportunity', 'beat_competitor', 'sign_and_collect');
UPDATE "goal_action" SET "label" = substr("category", 1, 100), "category" = 'custom' WHERE "category" NOT IN ('market_activity', 'training', 'routine', 'special_communication', 'custom');
CREATE TABLE "goal_action_client" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "action_id" INTEGER NOT NULL, "client_id" INTEGER NOT NULL, FOREIGN KEY ("action_id") REFERENCES "goal_action" ("id") ON DELETE CASCADE, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE);
CREATE INDEX "goal_action_client_action_id" ON "goal_action_client" ("action_id");
CREATE INDEX "goal_action_client_client_id" ON "goal_action_client" ("client_id");
CREATE UNIQUE INDEX "goal_action_client_action_id_client_id" ON "goal_action_client" ("action_id", "client_id");
CREATE UNIQUE INDEX "goal_action_client_uuid" ON "goal_action_client" ("uuid");
