-- AlterTable
ALTER TABLE "User" ADD COLUMN     "awaitingRole" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "emailNotifications" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastEmailedAt" TIMESTAMP(3),
ADD COLUMN     "ssoSubject" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OrgSettings" ADD COLUMN     "probeIntervalMinutes" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "User_ssoSubject_key" ON "User"("ssoSubject");

