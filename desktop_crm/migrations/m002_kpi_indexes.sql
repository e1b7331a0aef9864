-- Schema version 2: indexes that keep the KPI queries and the agenda fast at 1M follow-ups.
CREATE INDEX IF NOT EXISTS "client_created_at" ON "client" ("created_at", "owner_id");
CREATE INDEX IF NOT EXISTS "contract_client_signed" ON "contract" ("client_id", "signed_on", "amount_cents");
CREATE INDEX IF NOT EXISTS "payment_paid_on_cover" ON "payment" ("paid_on", "contract_id", "amount_cents");
CREATE INDEX IF NOT EXISTS "payment_instalment_due_cover" ON "payment_instalment" ("due_date", "contract_id", "amount_cents");
CREATE INDEX IF NOT EXISTS "follow_up_kpi_cover" ON "follow_up" ("happened_at", "user_id", "channel", "duration_minutes");
CREATE INDEX IF NOT EXISTS "opportunity_created_at" ON "opportunity" ("created_at", "owner_id");
CREATE INDEX IF NOT EXISTS "next_step_open_due" ON "next_step" ("done", "due_at");
