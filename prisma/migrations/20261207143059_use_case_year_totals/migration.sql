-- A use case's money per calendar year (cost lines, realised EBITDA), kept by triggers in the
-- writing transaction, whoever writes (the app, the import, a seed, an operator's SQL), so the
-- portfolio summary's cost figures read a few rows per use case instead of every monthly line
-- (decision 0005). The triggers add the change (new rows minus old rows): an upsert that adds is
-- safe when two transactions write the same use case and year at once (the second waits for the
-- first's row and adds to what it committed). Rows are upserted in key order, so two writers
-- never lock them in opposite orders. A use case being removed is skipped (its totals go with it).
-- Function bodies are E'' strings with \073 for the semicolon: Prisma splits a migration at each one.

-- CreateTable
CREATE TABLE "UseCaseYearTotal" (
    "useCaseId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "cost" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "realised" DECIMAL(20,2) NOT NULL DEFAULT 0,

    CONSTRAINT "UseCaseYearTotal_pkey" PRIMARY KEY ("useCaseId","year")
);

-- AddForeignKey
ALTER TABLE "UseCaseYearTotal" ADD CONSTRAINT "UseCaseYearTotal_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION roadbook_cost_year_totals() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    IF TG_OP = ''INSERT'' THEN
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, cost)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, amount AS v FROM new_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET cost = t.cost + EXCLUDED.cost\073
    ELSIF TG_OP = ''DELETE'' THEN
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, cost)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, -amount AS v FROM old_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET cost = t.cost + EXCLUDED.cost\073
    ELSE
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, cost)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, amount AS v FROM new_rows UNION ALL SELECT "useCaseId", period, -amount AS v FROM old_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET cost = t.cost + EXCLUDED.cost\073
    END IF\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "Cost_inserted_year_totals"
  AFTER INSERT ON "Cost" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_cost_year_totals();

CREATE TRIGGER "Cost_updated_year_totals"
  AFTER UPDATE ON "Cost" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_cost_year_totals();

CREATE TRIGGER "Cost_deleted_year_totals"
  AFTER DELETE ON "Cost" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_cost_year_totals();

CREATE FUNCTION roadbook_actual_year_totals() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    IF TG_OP = ''INSERT'' THEN
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, realised)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, ebitda AS v FROM new_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET realised = t.realised + EXCLUDED.realised\073
    ELSIF TG_OP = ''DELETE'' THEN
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, realised)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, -ebitda AS v FROM old_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET realised = t.realised + EXCLUDED.realised\073
    ELSE
      INSERT INTO "UseCaseYearTotal" AS t ("useCaseId", year, realised)
      SELECT d."useCaseId", left(d.period, 4)::int, sum(d.v) FROM (SELECT "useCaseId", period, ebitda AS v FROM new_rows UNION ALL SELECT "useCaseId", period, -ebitda AS v FROM old_rows) d
      WHERE EXISTS (SELECT 1 FROM "UseCase" u WHERE u.id = d."useCaseId")
      GROUP BY 1, 2 ORDER BY 1, 2
      ON CONFLICT ("useCaseId", year) DO UPDATE SET realised = t.realised + EXCLUDED.realised\073
    END IF\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "Actual_inserted_year_totals"
  AFTER INSERT ON "Actual" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_actual_year_totals();

CREATE TRIGGER "Actual_updated_year_totals"
  AFTER UPDATE ON "Actual" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_actual_year_totals();

CREATE TRIGGER "Actual_deleted_year_totals"
  AFTER DELETE ON "Actual" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_actual_year_totals();

-- The totals of what is recorded now.
INSERT INTO "UseCaseYearTotal" ("useCaseId", year, cost, realised)
SELECT d."useCaseId", d.year, sum(d.cost), sum(d.realised) FROM (
  SELECT "useCaseId", left(period, 4)::int AS year, amount AS cost, 0 AS realised FROM "Cost"
  UNION ALL
  SELECT "useCaseId", left(period, 4)::int, 0, ebitda FROM "Actual"
) d
GROUP BY 1, 2;
