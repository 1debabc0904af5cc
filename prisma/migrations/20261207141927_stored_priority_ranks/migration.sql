-- The ranks stored beside the scores (decision 0005): the refresh that changes stored scores
-- renumbers the ranked list in its own transaction (server/priority/priority-of.ts), so a list
-- page, the board and a use case read their ranks by key instead of a window over every scored
-- use case on each read.
-- Function bodies are E'' strings with \073 for the semicolon: Prisma splits a migration at each one.

-- CreateTable
CREATE TABLE "PriorityRank" (
    "useCaseId" TEXT NOT NULL,
    "tenths" INTEGER,
    "rank" INTEGER,
    "previousRank" INTEGER,

    CONSTRAINT "PriorityRank_pkey" PRIMARY KEY ("useCaseId")
);

-- AddForeignKey
ALTER TABLE "PriorityRank" ADD CONSTRAINT "PriorityRank_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A scored use case removed (the app never deletes one, an operator's SQL might) leaves a gap in
-- the ranks below it: one fresh use case is made stale (none need be when all are), so the next
-- read's refresh recomputes it and renumbers the list.
CREATE FUNCTION roadbook_priority_rank_gap() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN
    IF EXISTS (SELECT 1 FROM old_rows WHERE "priorityTenths" IS NOT NULL OR "previousPriorityTenths" IS NOT NULL) THEN
      UPDATE "UseCase" SET "priorityModelVersion" = NULL
      WHERE id = (SELECT id FROM "UseCase" WHERE "priorityModelVersion" IS NOT NULL ORDER BY id LIMIT 1)\073
    END IF\073
    RETURN NULL\073
  END\073';

CREATE TRIGGER "UseCase_deleted_priority_rank_gap"
  AFTER DELETE ON "UseCase" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION roadbook_priority_rank_gap();

-- The first read after this migration scores every use case again and numbers the list.
UPDATE "UseCase" SET "priorityModelVersion" = NULL WHERE "priorityModelVersion" IS NOT NULL;
