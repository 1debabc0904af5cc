-- CreateEnum
CREATE TYPE "AttachmentTarget" AS ENUM ('CHECKLIST_ITEM', 'GATE_REVIEW', 'ASSESSMENT_ANSWER');

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "attachmentFileMb" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "attachmentUseCaseMb" INTEGER NOT NULL DEFAULT 200;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "useCaseId" TEXT NOT NULL,
    "target" "AttachmentTarget" NOT NULL,
    "checklistItemId" TEXT,
    "gateReviewId" TEXT,
    "questionId" TEXT,
    "filename" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttachmentContent" (
    "attachmentId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "AttachmentContent_pkey" PRIMARY KEY ("attachmentId")
);

-- CreateIndex
CREATE INDEX "Attachment_useCaseId_createdAt_idx" ON "Attachment"("useCaseId", "createdAt");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_useCaseId_fkey" FOREIGN KEY ("useCaseId") REFERENCES "UseCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_checklistItemId_fkey" FOREIGN KEY ("checklistItemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_gateReviewId_fkey" FOREIGN KEY ("gateReviewId") REFERENCES "GateReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttachmentContent" ADD CONSTRAINT "AttachmentContent_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Evidence is mostly compressed already (PDF, images, Office files): store it out of line
-- without trying to compress it again.
ALTER TABLE "AttachmentContent" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
-- CreateEnum
CREATE TYPE "AttachmentStorage" AS ENUM ('DATABASE', 'S3');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "storage" "AttachmentStorage" NOT NULL DEFAULT 'DATABASE';

