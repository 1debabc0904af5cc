-- CreateEnum
CREATE TYPE "RiskCategory" AS ENUM ('BIAS_FAIRNESS', 'PRIVACY', 'SECURITY', 'ROBUSTNESS', 'TRANSPARENCY', 'LEGAL', 'OPERATIONAL');

-- CreateEnum
CREATE TYPE "RiskStatus" AS ENUM ('OPEN', 'MITIGATED', 'ACCEPTED');

-- CreateTable
CREATE TABLE "ModelCard" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "intendedUse" TEXT NOT NULL DEFAULT '',
    "outOfScopeUse" TEXT NOT NULL DEFAULT '',
    "trainingData" TEXT NOT NULL DEFAULT '',
    "evaluationData" TEXT NOT NULL DEFAULT '',
    "metrics" TEXT NOT NULL DEFAULT '',
    "ethicalConsiderations" TEXT NOT NULL DEFAULT '',
    "limitations" TEXT NOT NULL DEFAULT '',
    "fairnessAnalysis" TEXT NOT NULL DEFAULT '',
    "humanOversight" TEXT NOT NULL DEFAULT '',
    "monitoring" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCaseRisk" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "RiskCategory" NOT NULL,
    "likelihood" INTEGER NOT NULL,
    "impact" INTEGER NOT NULL,
    "mitigation" TEXT NOT NULL DEFAULT '',
    "ownerId" TEXT,
    "dueOn" DATE,
    "status" "RiskStatus" NOT NULL DEFAULT 'OPEN',
    "acceptanceRationale" TEXT NOT NULL DEFAULT '',
    "acceptedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UseCaseRisk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ModelCard_useCaseId_key" ON "ModelCard"("useCaseId");

-- CreateIndex
CREATE INDEX "UseCaseRisk_useCaseId_createdAt_idx" ON "UseCaseRisk"("useCaseId", "createdAt");

-- CreateIndex
CREATE INDEX "UseCaseRisk_status_likelihood_impact_idx" ON "UseCaseRisk"("status", "likelihood", "impact");

-- AddForeignKey
ALTER TABLE "ModelCard" ADD CONSTRAINT "ModelCard_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseRisk" ADD CONSTRAINT "UseCaseRisk_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseRisk" ADD CONSTRAINT "UseCaseRisk_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


