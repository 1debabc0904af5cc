-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "tags" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE INDEX "UseCase_tags_idx" ON "UseCase" USING GIN ("tags");

