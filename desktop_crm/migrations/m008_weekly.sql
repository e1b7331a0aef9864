-- Schema version 8: weekly form review. An annotation may point at one line of the form
-- ("collection:<id>", "instalment:<id>", "plan:<id>", "fact:<kpi key>", "assessment:<target id>", "summary");
-- a score may be given per criterion (the criteria are the setting "weekly_score_criteria").
ALTER TABLE "annotation" ADD COLUMN "line" VARCHAR(100) NOT NULL DEFAULT '';
CREATE TABLE "weekly_criterion_score" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "form_id" INTEGER NOT NULL, "key" VARCHAR(50) NOT NULL, "label" VARCHAR(200) NOT NULL, "weight" REAL NOT NULL, "score" REAL NOT NULL, FOREIGN KEY ("form_id") REFERENCES "weekly_form" ("id") ON DELETE CASCADE);
CREATE INDEX "weekly_criterion_score_form_id" ON "weekly_criterion_score" ("form_id");
CREATE UNIQUE INDEX "weekly_criterion_score_form_id_key" ON "weekly_criterion_score" ("form_id", "key");
CREATE UNIQUE INDEX "weekly_criterion_score_uuid" ON "weekly_criterion_score" ("uuid");
