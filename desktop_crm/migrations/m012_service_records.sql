-- Schema version 12: service records and complaints (服务单/投诉) of a client.
CREATE TABLE "service_record" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "deleted_at" DATETIME, "client_id" INTEGER NOT NULL, "contact_id" INTEGER, "contract_id" INTEGER, "user_id" INTEGER, "kind" VARCHAR(40) NOT NULL, "severity" VARCHAR(20) NOT NULL, "status" VARCHAR(20) NOT NULL, "title" VARCHAR(200) NOT NULL, "description" TEXT NOT NULL, "due_at" DATETIME NOT NULL, "resolution" TEXT NOT NULL, "resolved_at" DATETIME, "confirmed_at" DATETIME, "satisfaction" INTEGER, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE SET NULL, FOREIGN KEY ("contract_id") REFERENCES "contract" ("id") ON DELETE SET NULL, FOREIGN KEY ("user_id") REFERENCES "user" ("id") ON DELETE SET NULL);
CREATE UNIQUE INDEX "service_record_uuid" ON "service_record" ("uuid");
CREATE INDEX "service_record_deleted_at" ON "service_record" ("deleted_at");
CREATE INDEX "service_record_client_id" ON "service_record" ("client_id");
CREATE INDEX "service_record_contact_id" ON "service_record" ("contact_id");
CREATE INDEX "service_record_contract_id" ON "service_record" ("contract_id");
CREATE INDEX "service_record_user_id" ON "service_record" ("user_id");
CREATE INDEX "service_record_client_id_created_at" ON "service_record" ("client_id", "created_at");
CREATE INDEX "service_record_status_due_at" ON "service_record" ("status", "due_at");
CREATE INDEX "service_record_kind_created_at" ON "service_record" ("kind", "created_at");
CREATE INDEX "service_record_kind_resolved_at" ON "service_record" ("kind", "resolved_at");
