-- AlterTable
ALTER TABLE "User" ADD COLUMN     "guideDismissedAt" TIMESTAMP(3);
