-- Attachments (issue 11, part 4): files kept with a client, follow-up, contract or service record.
-- The bytes live beside the database in "<database file name>.files/ab/cdef..." (SHA-256 named).
CREATE TABLE "attachment" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, "client_id" INTEGER NOT NULL, "owner_kind" VARCHAR(20) NOT NULL, "owner_uuid" VARCHAR(36) NOT NULL, "file_name" VARCHAR(255) NOT NULL, "kind" VARCHAR(20) NOT NULL, "size_bytes" INTEGER NOT NULL, "sha256" VARCHAR(64) NOT NULL, "added_by_id" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("added_by_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "attachment_uuid" ON "attachment" ("uuid");
CREATE INDEX "attachment_deleted_at" ON "attachment" ("deleted_at");
CREATE INDEX "attachment_client_id" ON "attachment" ("client_id");
CREATE INDEX "attachment_sha256" ON "attachment" ("sha256");
CREATE INDEX "attachment_added_by_id" ON "attachment" ("added_by_id");
CREATE INDEX "attachment_owner_kind_owner_uuid" ON "attachment" ("owner_kind", "owner_uuid");
