-- The days a use case took to pass each gate, stored on the passing review, so that the portfolio
-- summary's "median days to pass" is a plain aggregate instead of a window over every review of
-- the portfolio on each cold read (server/portfolio/portfolio-summary.ts).
-- A pass's days run from the previous pass of the same use case (by decision time), or from the
-- use case's creation for its first. Triggers keep the figure in the writing transaction: a
-- review inserted, decided, re-dated or removed recomputes the passes of its use case (a handful
-- of rows), whoever writes it (the app, a seed, an import, an operator's SQL).
-- Function bodies are E'' strings with \073 for the semicolon: Prisma splits a migration at each one.

ALTER TABLE "GateReview" ADD COLUMN "daysToPass" DOUBLE PRECISION;

-- Recomputes the stored days of every review of these use cases. It writes only the rows whose
-- figure changed (so it does not fire the update trigger's recomputation again).
CREATE FUNCTION roadbook_days_to_pass(use_cases text[]) RETURNS void LANGUAGE sql AS
  E'WITH passes AS (
      SELECT r.id, (extract(epoch FROM r."decidedAt" - coalesce(
          lag(r."decidedAt") OVER (PARTITION BY r."useCaseId" ORDER BY r."decidedAt"), u."createdAt")) / 86400)::float8 AS days
      FROM "GateReview" r JOIN "UseCase" u ON u.id = r."useCaseId"
      WHERE r."useCaseId" = ANY (use_cases) AND r.decision IN (''GO'', ''CONDITIONAL_GO''))
    UPDATE "GateReview" g SET "daysToPass" = p.days
    FROM "GateReview" r LEFT JOIN passes p ON p.id = r.id
    WHERE g.id = r.id AND r."useCaseId" = ANY (use_cases) AND g."daysToPass" IS DISTINCT FROM p.days';

-- A statement-level trigger fires even when no row changed, so an empty set stops here: the
-- recomputation's own update (days only) finds nothing to recompute.
CREATE FUNCTION roadbook_gate_reviews_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE use_cases text[]\073
  BEGIN
    IF TG_OP = ''INSERT'' THEN
      use_cases := ARRAY(SELECT DISTINCT "useCaseId" FROM new_rows WHERE decision IN (''GO'', ''CONDITIONAL_GO''))\073
    ELSIF TG_OP = ''UPDATE'' THEN
      use_cases := ARRAY(
        SELECT n."useCaseId" FROM new_rows n JOIN old_rows o ON o.id = n.id
        WHERE n.decision IS DISTINCT FROM o.decision OR n."decidedAt" IS DISTINCT FROM o."decidedAt"
          OR n."useCaseId" <> o."useCaseId"
        UNION SELECT o."useCaseId" FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n."useCaseId" <> o."useCaseId")\073
    ELSE
      use_cases := ARRAY(SELECT DISTINCT "useCaseId" FROM old_rows WHERE decision IN (''GO'', ''CONDITIONAL_GO''))\073
    END IF\073
    IF cardinality(use_cases) > 0 THEN
      PERFORM roadbook_days_to_pass(use_cases)\073
    END IF\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "GateReview_inserted_days_to_pass"
  AFTER INSERT ON "GateReview" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_reviews_changed();

CREATE TRIGGER "GateReview_updated_days_to_pass"
  AFTER UPDATE ON "GateReview" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_reviews_changed();

CREATE TRIGGER "GateReview_deleted_days_to_pass"
  AFTER DELETE ON "GateReview" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_gate_reviews_changed();

-- A use case's creation time is where its first pass counts from.
CREATE FUNCTION roadbook_use_case_created_at_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM roadbook_days_to_pass(ARRAY[NEW.id])\073 RETURN NULL\073 END\073';

CREATE TRIGGER "UseCase_created_at_days_to_pass"
  AFTER UPDATE OF "createdAt" ON "UseCase"
  FOR EACH ROW
  WHEN (OLD."createdAt" IS DISTINCT FROM NEW."createdAt")
  EXECUTE FUNCTION roadbook_use_case_created_at_changed();

-- The figures of the reviews decided so far.
SELECT roadbook_days_to_pass(ARRAY(SELECT DISTINCT "useCaseId" FROM "GateReview" WHERE decision IN ('GO', 'CONDITIONAL_GO')));

-- The summary's aggregates over reviews read narrow indexes instead of the wide review rows.
DROP INDEX "GateReview_status_fromStage_idx";

-- CreateIndex
CREATE INDEX "GateReview_status_fromStage_decision_stopReason_idx" ON "GateReview"("status", "fromStage", "decision", "stopReason");

-- CreateIndex
CREATE INDEX "GateReview_fromStage_daysToPass_useCaseId_idx" ON "GateReview"("fromStage", "daysToPass", "useCaseId");
