-- CreateEnum
CREATE TYPE "RegistryKind" AS ENUM ('MLFLOW');

-- CreateEnum
CREATE TYPE "RegistryAuth" AS ENUM ('NONE', 'BEARER', 'BASIC');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('NEVER', 'FRESH', 'STALE');

-- AlterEnum
ALTER TYPE "ApiTokenScope" ADD VALUE 'DEPLOY_CHECK';

-- CreateTable
CREATE TABLE "RegistryConnection" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RegistryKind" NOT NULL DEFAULT 'MLFLOW',
    "baseUrl" TEXT NOT NULL,
    "auth" "RegistryAuth" NOT NULL DEFAULT 'NONE',
    "username" TEXT,
    "secret" TEXT,
    "verifyTls" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RegistryConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelLink" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "modelName" TEXT NOT NULL,
    "cache" JSONB,
    "syncStatus" "SyncStatus" NOT NULL DEFAULT 'NEVER',
    "syncError" TEXT,
    "lastSyncedAt" TIMESTAMP(3),
    "lastTriedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeRepository" (
    "useCaseId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodeRepository_pkey" PRIMARY KEY ("useCaseId")
);

-- CreateTable
CREATE TABLE "GateRelease" (
    "gateReviewId" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "modelName" TEXT,
    "modelVersion" TEXT,
    "runId" TEXT,
    "aliases" TEXT[],
    "commitRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateRelease_pkey" PRIMARY KEY ("gateReviewId")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistryConnection_name_key" ON "RegistryConnection"("name");

-- CreateIndex
CREATE INDEX "ModelLink_useCaseId_idx" ON "ModelLink"("useCaseId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelLink_useCaseId_registryId_modelName_key" ON "ModelLink"("useCaseId", "registryId", "modelName");

-- CreateIndex
CREATE INDEX "GateRelease_useCaseId_idx" ON "GateRelease"("useCaseId");

-- AddForeignKey
ALTER TABLE "ModelLink" ADD CONSTRAINT "ModelLink_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelLink" ADD CONSTRAINT "ModelLink_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "RegistryConnection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeRepository" ADD CONSTRAINT "CodeRepository_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateRelease" ADD CONSTRAINT "GateRelease_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

