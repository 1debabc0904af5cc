-- CreateEnum
CREATE TYPE "GateStatus" AS ENUM ('OPEN', 'DECIDED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "GateDecision" AS ENUM ('GO', 'CONDITIONAL_GO', 'PAUSE', 'STOP');

-- CreateEnum
CREATE TYPE "StopReason" AS ENUM ('NO_VALUE', 'DATA_QUALITY', 'TECHNICALLY_INFEASIBLE', 'NO_SPONSOR', 'PRIORITIES_CHANGED', 'OTHER');

-- CreateEnum
CREATE TYPE "ChecklistStatus" AS ENUM ('TODO', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('GRAFANA', 'SUPERSET', 'AIRFLOW', 'JUPYTER', 'JENKINS', 'GIT', 'MODEL_API', 'MLFLOW', 'OTHER');

-- CreateEnum
CREATE TYPE "ServiceEnvironment" AS ENUM ('DEV', 'STAGING', 'PRODUCTION');

-- CreateTable
CREATE TABLE "GateReview" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "fromStage" "Stage" NOT NULL,
    "toStage" "Stage" NOT NULL,
    "status" "GateStatus" NOT NULL DEFAULT 'OPEN',
    "note" TEXT NOT NULL DEFAULT '',
    "evidenceUrls" TEXT[],
    "requestedById" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decision" "GateDecision",
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rationale" TEXT,
    "stopReason" "StopReason",
    "revisitOn" DATE,
    "estimateSnapshot" JSONB,

    CONSTRAINT "GateReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateVote" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "voterId" TEXT NOT NULL,
    "decision" "GateDecision" NOT NULL,
    "rationale" TEXT NOT NULL,
    "stopReason" "StopReason",
    "revisitOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateVote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateCondition" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "dueNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateCondition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "href" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Feedback" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "rating" INTEGER,
    "stage" "Stage" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EstimateRevision" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "ebitdaLow" DECIMAL(15,2) NOT NULL,
    "ebitdaBase" DECIMAL(15,2) NOT NULL,
    "ebitdaHigh" DECIMAL(15,2) NOT NULL,
    "investment" DECIMAL(15,2) NOT NULL,
    "runCostPerYear" DECIMAL(15,2) NOT NULL,
    "horizonYears" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "assumptions" TEXT NOT NULL DEFAULT '',
    "confidence" TEXT NOT NULL DEFAULT 'MEDIUM',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EstimateRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "section" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "ChecklistStatus" NOT NULL DEFAULT 'TODO',
    "answerType" TEXT NOT NULL DEFAULT 'NONE',
    "options" TEXT[],
    "answer" TEXT,
    "evidenceUrl" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistSignOff" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChecklistSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "environment" "ServiceEnvironment" NOT NULL,
    "url" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GateReview_useCaseId_requestedAt_idx" ON "GateReview"("useCaseId", "requestedAt");

-- CreateIndex
CREATE INDEX "GateReview_status_fromStage_idx" ON "GateReview"("status", "fromStage");

-- CreateIndex
CREATE UNIQUE INDEX "GateVote_reviewId_role_key" ON "GateVote"("reviewId", "role");

-- CreateIndex
CREATE INDEX "GateCondition_ownerId_closedAt_idx" ON "GateCondition"("ownerId", "closedAt");

-- CreateIndex
CREATE INDEX "GateCondition_dueOn_idx" ON "GateCondition"("dueOn");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE INDEX "Feedback_useCaseId_createdAt_idx" ON "Feedback"("useCaseId", "createdAt");

-- CreateIndex
CREATE INDEX "EstimateRevision_useCaseId_createdAt_idx" ON "EstimateRevision"("useCaseId", "createdAt");

-- CreateIndex
CREATE INDEX "ChecklistItem_useCaseId_stage_position_idx" ON "ChecklistItem"("useCaseId", "stage", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistSignOff_useCaseId_stage_key" ON "ChecklistSignOff"("useCaseId", "stage");

-- CreateIndex
CREATE INDEX "Service_useCaseId_idx" ON "Service"("useCaseId");

-- CreateIndex
CREATE INDEX "Service_environment_kind_idx" ON "Service"("environment", "kind");

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateReview" ADD CONSTRAINT "GateReview_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateVote" ADD CONSTRAINT "GateVote_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "GateReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateVote" ADD CONSTRAINT "GateVote_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "GateReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateCondition" ADD CONSTRAINT "GateCondition_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateRevision" ADD CONSTRAINT "EstimateRevision_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EstimateRevision" ADD CONSTRAINT "EstimateRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistSignOff" ADD CONSTRAINT "ChecklistSignOff_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistSignOff" ADD CONSTRAINT "ChecklistSignOff_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

