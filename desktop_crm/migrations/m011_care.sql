-- Old-client care (slice care): a client's referrer (a client or a contact, exactly one, never the client
-- itself) and the reward; the client dossier (registration facts) and its dated public-information notes;
-- a contact's optional birthday.
ALTER TABLE "contact" ADD COLUMN "birthday" DATE;
CREATE INDEX "contact_birthday" ON "contact" ("birthday") WHERE "birthday" IS NOT NULL;
CREATE TABLE "referral" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "client_id" INTEGER NOT NULL, "referrer_client_id" INTEGER, "referrer_contact_id" INTEGER, "reward_promised" TEXT NOT NULL, "reward_promised_cents" INTEGER, "reward_given" TEXT NOT NULL, "reward_given_cents" INTEGER, "reward_given_on" DATE, "notes" TEXT NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("referrer_client_id") REFERENCES "client" ("id") ON DELETE CASCADE, FOREIGN KEY ("referrer_contact_id") REFERENCES "contact" ("id") ON DELETE CASCADE, CHECK (("referrer_client_id" IS NULL) <> ("referrer_contact_id" IS NULL)), CHECK ("referrer_client_id" IS NULL OR "referrer_client_id" <> "client_id"));
CREATE UNIQUE INDEX "referral_uuid" ON "referral" ("uuid");
CREATE UNIQUE INDEX "referral_client_id" ON "referral" ("client_id");
CREATE INDEX "referral_referrer_client_id" ON "referral" ("referrer_client_id");
CREATE INDEX "referral_referrer_contact_id" ON "referral" ("referrer_contact_id");
CREATE TABLE "client_dossier" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "client_id" INTEGER NOT NULL, "credit_code" VARCHAR(18) NOT NULL, "legal_representative" VARCHAR(100) NOT NULL, "registered_capital_cents" INTEGER, "founded_on" DATE, "business_scope" TEXT NOT NULL, "headcount_band" VARCHAR(20), "revenue_band" VARCHAR(20), FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "client_dossier_uuid" ON "client_dossier" ("uuid");
CREATE UNIQUE INDEX "client_dossier_client_id" ON "client_dossier" ("client_id");
CREATE INDEX "client_dossier_credit_code" ON "client_dossier" ("credit_code");
CREATE TABLE "dossier_note" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "client_id" INTEGER NOT NULL, "noted_on" DATE NOT NULL, "source" VARCHAR(300) NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("client_id") REFERENCES "client" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "dossier_note_uuid" ON "dossier_note" ("uuid");
CREATE INDEX "dossier_note_client_id" ON "dossier_note" ("client_id");
