-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "UseCase_externalId_key" ON "UseCase"("externalId");
