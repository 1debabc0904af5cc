-- DropIndex
DROP INDEX "UseCase_updatedAt_idx";

-- CreateIndex
CREATE INDEX "UseCase_updatedAt_id_idx" ON "UseCase"("updatedAt" DESC, "id");

