-- CreateEnum
CREATE TYPE "RiskTier" AS ENUM ('UNACCEPTABLE', 'HIGH', 'LIMITED', 'MINIMAL');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'RISK';

-- AlterTable
ALTER TABLE "UseCase" ADD COLUMN     "riskTier" "RiskTier";

-- CreateTable
CREATE TABLE "RiskAssessment" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "tier" "RiskTier",
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RiskAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskAssessmentEvent" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "tier" "RiskTier",
    "answers" JSONB NOT NULL,
    "rationale" TEXT NOT NULL DEFAULT '',
    "actorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskAssessmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskAssessment_useCaseId_key" ON "RiskAssessment"("useCaseId");

-- CreateIndex
CREATE INDEX "RiskAssessmentEvent_assessmentId_at_idx" ON "RiskAssessmentEvent"("assessmentId", "at");

-- CreateIndex
CREATE INDEX "UseCase_riskTier_idx" ON "UseCase"("riskTier");

-- AddForeignKey
ALTER TABLE "RiskAssessment" ADD CONSTRAINT "RiskAssessment_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskAssessmentEvent" ADD CONSTRAINT "RiskAssessmentEvent_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "RiskAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

