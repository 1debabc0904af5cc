-- CreateEnum
CREATE TYPE "BuildStatus" AS ENUM ('PASSING', 'FAILING', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "buildNumber" INTEGER,
ADD COLUMN     "buildReason" TEXT,
ADD COLUMN     "buildStatus" "BuildStatus",
ADD COLUMN     "jenkinsJob" TEXT,
ADD COLUMN     "jenkinsToken" TEXT,
ADD COLUMN     "jenkinsUser" TEXT;

