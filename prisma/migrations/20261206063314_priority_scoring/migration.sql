-- CreateTable
CREATE TABLE "ScoringModel" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "formula" VARCHAR(16) NOT NULL,
    "criteria" JSONB NOT NULL,
    "ebitdaBands" DECIMAL(15,2)[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoringModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UseCaseScore" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "criterion" VARCHAR(40) NOT NULL,
    "scorerId" TEXT NOT NULL,
    "value" SMALLINT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UseCaseScore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScoringModel_version_key" ON "ScoringModel"("version");

-- CreateIndex
CREATE UNIQUE INDEX "UseCaseScore_useCaseId_criterion_scorerId_key" ON "UseCaseScore"("useCaseId", "criterion", "scorerId");

-- AddForeignKey
ALTER TABLE "ScoringModel" ADD CONSTRAINT "ScoringModel_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseScore" ADD CONSTRAINT "UseCaseScore_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseScore" ADD CONSTRAINT "UseCaseScore_scorerId_fkey" FOREIGN KEY ("scorerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

