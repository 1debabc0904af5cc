-- CreateTable
CREATE TABLE "FundingSnapshot" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT NOT NULL,
    "modelVersion" INTEGER NOT NULL,
    "model" JSONB NOT NULL,
    "rows" JSONB NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "FundingSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FundingSnapshot_takenAt_idx" ON "FundingSnapshot"("takenAt" DESC);

-- AddForeignKey
ALTER TABLE "FundingSnapshot" ADD CONSTRAINT "FundingSnapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

