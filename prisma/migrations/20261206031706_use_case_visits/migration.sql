-- CreateTable
CREATE TABLE "UseCaseVisit" (
    "userId" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UseCaseVisit_pkey" PRIMARY KEY ("userId","useCaseId")
);

-- CreateIndex
CREATE INDEX "UseCaseVisit_useCaseId_idx" ON "UseCaseVisit"("useCaseId");

-- AddForeignKey
ALTER TABLE "UseCaseVisit" ADD CONSTRAINT "UseCaseVisit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UseCaseVisit" ADD CONSTRAINT "UseCaseVisit_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

