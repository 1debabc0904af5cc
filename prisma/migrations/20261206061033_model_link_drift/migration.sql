-- AlterTable
ALTER TABLE "ModelLink" ADD COLUMN     "driftSince" TIMESTAMP(3),
ADD COLUMN     "driftVersion" TEXT;

-- CreateIndex
CREATE INDEX "ModelLink_driftSince_idx" ON "ModelLink"("driftSince");

