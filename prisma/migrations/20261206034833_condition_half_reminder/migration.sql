-- AlterTable
ALTER TABLE "GateCondition" ADD COLUMN     "halfNotifiedAt" TIMESTAMP(3);

