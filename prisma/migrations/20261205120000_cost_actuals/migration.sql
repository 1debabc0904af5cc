-- CreateEnum
CREATE TYPE "CostCategory" AS ENUM ('PEOPLE', 'CLOUD', 'LICENCES', 'OTHER');

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "peopleDayRate" DECIMAL(15,2);

-- CreateTable
CREATE TABLE "Cost" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "category" "CostCategory" NOT NULL,
    "amount" DECIMAL(15,2) NOT NULL,
    "fteDays" DECIMAL(9,2),
    "dayRate" DECIMAL(15,2),
    "note" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Cost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Cost_period_idx" ON "Cost"("period");

-- CreateIndex
CREATE UNIQUE INDEX "Cost_useCaseId_period_category_key" ON "Cost"("useCaseId", "period", "category");

-- AddForeignKey
ALTER TABLE "Cost" ADD CONSTRAINT "Cost_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cost" ADD CONSTRAINT "Cost_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

