-- AlterTable
ALTER TABLE "User" ADD COLUMN     "team" TEXT;

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "stageProbabilities" INTEGER[] DEFAULT ARRAY[10, 30, 60, 100]::INTEGER[],
ADD COLUMN     "stalledDays" INTEGER NOT NULL DEFAULT 30;

