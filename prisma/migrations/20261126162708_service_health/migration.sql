-- CreateEnum
CREATE TYPE "HealthStatus" AS ENUM ('UP', 'DOWN', 'BLOCKED', 'UNKNOWN');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "checkedAt" TIMESTAMP(3),
ADD COLUMN     "healthReason" TEXT,
ADD COLUMN     "healthStatus" "HealthStatus" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "httpStatus" INTEGER,
ADD COLUMN     "latencyMs" INTEGER;

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "probeAllow" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ServiceProbe" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "HealthStatus" NOT NULL,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER,

    CONSTRAINT "ServiceProbe_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceProbe_serviceId_at_idx" ON "ServiceProbe"("serviceId", "at");

-- CreateIndex
CREATE INDEX "ServiceProbe_at_idx" ON "ServiceProbe"("at");

-- AddForeignKey
ALTER TABLE "ServiceProbe" ADD CONSTRAINT "ServiceProbe_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

