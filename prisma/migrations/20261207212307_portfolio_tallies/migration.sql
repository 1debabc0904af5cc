-- The portfolio's counts and money per stage, status, currency and benefit area, and the gate
-- reviews per gate, status, decision and stop reason, kept by statement-level triggers in the
-- writing transaction, whoever writes (the app, the import, a seed, an operator's SQL), so the
-- unfiltered portfolio summary sums a few hundred rows instead of every use case and review
-- (decision 0005). Each write statement adds its change as new rows (the rows it wrote minus the
-- rows it replaced, per bucket, and nothing when no bucket moved): rows are only ever added, so two
-- writers never wait for each other here, however long their transactions. The app folds the rows
-- together from time to time (server/portfolio/tallies.ts).
-- Function bodies are E'' strings with \073 for the semicolon: Prisma splits a migration at each one.

-- CreateTable
CREATE TABLE "UseCaseTally" (
    "id" BIGSERIAL NOT NULL,
    "stage" "Stage" NOT NULL,
    "status" "UseCaseStatus" NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "benefitArea" "BenefitArea",
    "count" INTEGER NOT NULL,
    "ebitdaLow" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "ebitdaBase" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "ebitdaHigh" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "withBase" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "UseCaseTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateReviewTally" (
    "id" BIGSERIAL NOT NULL,
    "fromStage" "Stage" NOT NULL,
    "status" "GateStatus" NOT NULL,
    "decision" "GateDecision",
    "stopReason" "StopReason",
    "count" INTEGER NOT NULL,

    CONSTRAINT "GateReviewTally_pkey" PRIMARY KEY ("id")
);


-- The change of one write statement: its new rows counted +1, its old rows -1.
CREATE FUNCTION roadbook_changed_rows(op text) RETURNS text LANGUAGE sql IMMUTABLE AS
  E'SELECT CASE op
    WHEN ''INSERT'' THEN ''SELECT 1 AS sign, * FROM new_rows''
    WHEN ''DELETE'' THEN ''SELECT -1 AS sign, * FROM old_rows''
    ELSE ''SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows'' END';

CREATE FUNCTION roadbook_use_case_tally() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    EXECUTE ''INSERT INTO "UseCaseTally" (stage, status, currency, "benefitArea", count, "ebitdaLow", "ebitdaBase", "ebitdaHigh", "withBase")
      SELECT stage, status, currency, "benefitArea", sum(sign), sum(sign * coalesce("ebitdaLow", 0)),
        sum(sign * coalesce("ebitdaBase", 0)), sum(sign * coalesce("ebitdaHigh", 0)), sum(sign * ("ebitdaBase" IS NOT NULL)::int)
      FROM ('' || roadbook_changed_rows(TG_OP) || '') d
      GROUP BY 1, 2, 3, 4
      HAVING sum(sign) <> 0 OR sum(sign * coalesce("ebitdaLow", 0)) <> 0 OR sum(sign * coalesce("ebitdaBase", 0)) <> 0
        OR sum(sign * coalesce("ebitdaHigh", 0)) <> 0 OR sum(sign * ("ebitdaBase" IS NOT NULL)::int) <> 0''\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "UseCase_inserted_tally"
  AFTER INSERT ON "UseCase" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_use_case_tally();

CREATE TRIGGER "UseCase_updated_tally"
  AFTER UPDATE ON "UseCase" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_use_case_tally();

CREATE TRIGGER "UseCase_deleted_tally"
  AFTER DELETE ON "UseCase" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_use_case_tally();

CREATE FUNCTION roadbook_gate_review_tally() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    EXECUTE ''INSERT INTO "GateReviewTally" ("fromStage", status, decision, "stopReason", count)
      SELECT "fromStage", status, decision, "stopReason", sum(sign)
      FROM ('' || roadbook_changed_rows(TG_OP) || '') d
      GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0''\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "GateReview_inserted_tally"
  AFTER INSERT ON "GateReview" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_review_tally();

CREATE TRIGGER "GateReview_updated_tally"
  AFTER UPDATE ON "GateReview" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_review_tally();

CREATE TRIGGER "GateReview_deleted_tally"
  AFTER DELETE ON "GateReview" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_review_tally();

-- The tallies of what is recorded now.
INSERT INTO "UseCaseTally" (stage, status, currency, "benefitArea", count, "ebitdaLow", "ebitdaBase", "ebitdaHigh", "withBase")
SELECT stage, status, currency, "benefitArea", count(*), coalesce(sum("ebitdaLow"), 0), coalesce(sum("ebitdaBase"), 0),
  coalesce(sum("ebitdaHigh"), 0), count("ebitdaBase")
FROM "UseCase" GROUP BY 1, 2, 3, 4;

INSERT INTO "GateReviewTally" ("fromStage", status, decision, "stopReason", count)
SELECT "fromStage", status, decision, "stopReason", count(*) FROM "GateReview" GROUP BY 1, 2, 3, 4;
