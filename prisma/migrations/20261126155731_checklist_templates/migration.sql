-- DropIndex
DROP INDEX "ChecklistSignOff_useCaseId_stage_key";

-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "evidenceKind" "ServiceKind",
ADD COLUMN     "itemKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "templateItemId" TEXT;

-- AlterTable
ALTER TABLE "ChecklistSignOff" ADD COLUMN     "voidReason" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMP(3),
ADD COLUMN     "voidedById" TEXT;

-- CreateTable
CREATE TABLE "ChecklistTemplate" (
    "id" TEXT NOT NULL,
    "stage" "Stage" NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "ChecklistTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChecklistTemplateItem" (
    "id" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "answerType" TEXT NOT NULL DEFAULT 'NONE',
    "options" TEXT[],
    "evidenceKind" "ServiceKind",
    "retired" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ChecklistTemplateItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplate_stage_version_key" ON "ChecklistTemplate"("stage", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistTemplateItem_templateId_key_key" ON "ChecklistTemplateItem"("templateId", "key");

-- CreateIndex
CREATE INDEX "ChecklistItem_templateItemId_idx" ON "ChecklistItem"("templateItemId");

-- CreateIndex
CREATE INDEX "ChecklistSignOff_useCaseId_stage_idx" ON "ChecklistSignOff"("useCaseId", "stage");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_templateItemId_fkey" FOREIGN KEY ("templateItemId") REFERENCES "ChecklistTemplateItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTemplate" ADD CONSTRAINT "ChecklistTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistTemplateItem" ADD CONSTRAINT "ChecklistTemplateItem_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ChecklistTemplate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistSignOff" ADD CONSTRAINT "ChecklistSignOff_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

