-- CreateTable
CREATE TABLE "UseCasePlan" (
    "useCaseId" TEXT NOT NULL,
    "prototypeOn" DATE,
    "packagingOn" DATE,
    "productionOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UseCasePlan_pkey" PRIMARY KEY ("useCaseId")
);

-- CreateTable
CREATE TABLE "PlanRevision" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prototypeOn" DATE,
    "packagingOn" DATE,
    "productionOn" DATE,

    CONSTRAINT "PlanRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UseCasePlan_productionOn_idx" ON "UseCasePlan"("productionOn");

-- CreateIndex
CREATE INDEX "PlanRevision_useCaseId_at_idx" ON "PlanRevision"("useCaseId", "at");

-- AddForeignKey
ALTER TABLE "UseCasePlan" ADD CONSTRAINT "UseCasePlan_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanRevision" ADD CONSTRAINT "PlanRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

