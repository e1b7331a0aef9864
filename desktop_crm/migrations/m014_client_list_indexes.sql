-- Schema version 14: the Clients list's order served by an index for each sortable column of the client row
-- (issue 12). Each index leads with deleted_at, so "deleted_at IS NULL ORDER BY <column>, id" is one range
-- scan of a covering index (the rowid, i.e. the id, ends every index entry and breaks ties).
CREATE INDEX IF NOT EXISTS "client_list_name" ON "client" ("deleted_at", "name" COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS "client_list_short_name" ON "client" ("deleted_at", "short_name" COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS "client_list_status" ON "client" ("deleted_at", "status");
CREATE INDEX IF NOT EXISTS "client_list_grade" ON "client" ("deleted_at", "grade");
CREATE INDEX IF NOT EXISTS "client_list_value_verdict" ON "client" ("deleted_at", "value_verdict");
CREATE INDEX IF NOT EXISTS "client_list_industry" ON "client" ("deleted_at", "industry");
CREATE INDEX IF NOT EXISTS "client_list_region" ON "client" ("deleted_at", "region");
CREATE INDEX IF NOT EXISTS "client_list_source" ON "client" ("deleted_at", "source");
CREATE INDEX IF NOT EXISTS "client_list_phone" ON "client" ("deleted_at", "phone");
CREATE INDEX IF NOT EXISTS "client_list_expected_amount" ON "client" ("deleted_at", "expected_amount_cents");
CREATE INDEX IF NOT EXISTS "client_list_expected_sign_date" ON "client" ("deleted_at", "expected_sign_date");
CREATE INDEX IF NOT EXISTS "client_list_last_contact_at" ON "client" ("deleted_at", "last_contact_at");
CREATE INDEX IF NOT EXISTS "client_list_created_at" ON "client" ("deleted_at", "created_at");
