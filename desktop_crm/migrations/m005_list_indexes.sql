-- Schema version 5: indexes for one salesperson's agenda and for sorting the client list by name.
CREATE INDEX IF NOT EXISTS "next_step_user_open_due" ON "next_step" ("user_id", "done", "due_at");
CREATE INDEX IF NOT EXISTS "client_name_nocase" ON "client" ("name" COLLATE NOCASE);
