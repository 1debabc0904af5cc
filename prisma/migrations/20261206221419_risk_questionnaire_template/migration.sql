-- CreateTable
CREATE TABLE "RiskQuestionnaireTemplate" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "questions" JSONB NOT NULL,
    "rules" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskQuestionnaireTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RiskQuestionnaireTemplate_version_key" ON "RiskQuestionnaireTemplate"("version");

-- AddForeignKey
ALTER TABLE "RiskQuestionnaireTemplate" ADD CONSTRAINT "RiskQuestionnaireTemplate_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

