-- Schema version 9: the performance handbook.
-- An entry's kpi_key is its topic key: a KPI key of `kpi --json`, or a prefixed key (rule:..., role:...).
-- Earlier demo data wrote loose names; point those entries at the KPI keys they explain.
UPDATE "handbook_entry" SET "kpi_key" = 'activity_total' WHERE "kpi_key" = 'activity_counts';
UPDATE "handbook_entry" SET "kpi_key" = 'collected_amount_cents' WHERE "kpi_key" = 'collected_amount';
UPDATE "handbook_entry" SET "kpi_key" = 'signed_amount_cents' WHERE "kpi_key" = 'signed_amount';
UPDATE "handbook_entry" SET "kpi_key" = 'follow_up_cycle_days_mean' WHERE "kpi_key" = 'follow_up_cycle';
UPDATE "handbook_entry" SET "kpi_key" = 'behaviour_score' WHERE "kpi_key" = 'monthly_behaviour_score';
CREATE INDEX "handbook_entry_kpi_key" ON "handbook_entry" ("kpi_key");
