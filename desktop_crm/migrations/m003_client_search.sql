-- Schema version 3: client search (a plain text table for short queries, FTS5 trigram for >= 3 characters)
-- and saved filter views.
CREATE TABLE IF NOT EXISTS "client_search" ("client_id" INTEGER NOT NULL PRIMARY KEY, "body" TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS "client_fts" USING fts5(body, content='client_search', content_rowid='client_id', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS "client_search_ai" AFTER INSERT ON "client_search" BEGIN
  INSERT INTO client_fts(rowid, body) VALUES (new.client_id, new.body);
END;
CREATE TRIGGER IF NOT EXISTS "client_search_ad" AFTER DELETE ON "client_search" BEGIN
  INSERT INTO client_fts(client_fts, rowid, body) VALUES ('delete', old.client_id, old.body);
END;
CREATE TRIGGER IF NOT EXISTS "client_search_au" AFTER UPDATE ON "client_search" BEGIN
  INSERT INTO client_fts(client_fts, rowid, body) VALUES ('delete', old.client_id, old.body);
  INSERT INTO client_fts(rowid, body) VALUES (new.client_id, new.body);
END;
CREATE TABLE IF NOT EXISTS "saved_view" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "page" VARCHAR(30) NOT NULL, "name" VARCHAR(100) NOT NULL, "definition" TEXT NOT NULL, "user_id" INTEGER, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX IF NOT EXISTS "saved_view_uuid" ON "saved_view" ("uuid");
CREATE UNIQUE INDEX IF NOT EXISTS "saved_view_page_name_user_id" ON "saved_view" ("page", "name", "user_id");
CREATE INDEX IF NOT EXISTS "saved_view_user_id" ON "saved_view" ("user_id");
