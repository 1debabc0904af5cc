-- The priority score stored per use case, so a list or a use case reads its rank from an index
-- instead of scoring the whole portfolio on every read (server/priority/priority-of.ts).
-- Triggers mark a use case's stored score stale when what it is computed from changes (its
-- scores, its base EBITDA, its risk tier), and the next read recomputes the stale ones. A new
-- scoring model makes every row stale (its version differs). Triggers, so that no writer
-- (a seed, an import, an operator's SQL) can leave a stale score behind.
-- Function bodies are E'' strings with \073 for the semicolon: Prisma splits a migration at each one.

ALTER TABLE "UseCase"
  ADD COLUMN "priorityTenths" INTEGER,
  ADD COLUMN "previousPriorityTenths" INTEGER,
  ADD COLUMN "priorityModelVersion" INTEGER;

-- CreateIndex
CREATE INDEX "UseCase_priorityTenths_number_idx" ON "UseCase"("priorityTenths" DESC, "number");

-- CreateIndex
CREATE INDEX "UseCase_previousPriorityTenths_number_idx" ON "UseCase"("previousPriorityTenths" DESC, "number");

-- CreateIndex
CREATE INDEX "UseCase_priorityModelVersion_idx" ON "UseCase"("priorityModelVersion");

-- A change of the base EBITDA or the risk tier (derived criteria read them) makes the score stale.
CREATE FUNCTION roadbook_priority_facts_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN NEW."priorityModelVersion" := NULL\073 RETURN NEW\073 END\073';

CREATE TRIGGER "UseCase_priority_facts_changed"
  BEFORE UPDATE OF "ebitdaBase", "riskTier" ON "UseCase"
  FOR EACH ROW
  WHEN (OLD."ebitdaBase" IS DISTINCT FROM NEW."ebitdaBase" OR OLD."riskTier" IS DISTINCT FROM NEW."riskTier")
  EXECUTE FUNCTION roadbook_priority_facts_changed();

-- A score added, changed or removed makes its use case's score stale (one statement, any number of rows).
CREATE FUNCTION roadbook_priority_scores_changed() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
      UPDATE "UseCase" SET "priorityModelVersion" = NULL
      WHERE id IN (SELECT "useCaseId" FROM new_rows) AND "priorityModelVersion" IS NOT NULL\073
    END IF\073
    IF TG_OP IN (''DELETE'', ''UPDATE'') THEN
      UPDATE "UseCase" SET "priorityModelVersion" = NULL
      WHERE id IN (SELECT "useCaseId" FROM old_rows) AND "priorityModelVersion" IS NOT NULL\073
    END IF\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "UseCaseScore_inserted_priority_stale"
  AFTER INSERT ON "UseCaseScore" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_priority_scores_changed();

CREATE TRIGGER "UseCaseScore_updated_priority_stale"
  AFTER UPDATE ON "UseCaseScore" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_priority_scores_changed();

CREATE TRIGGER "UseCaseScore_deleted_priority_stale"
  AFTER DELETE ON "UseCaseScore" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_priority_scores_changed();
