-- CreateEnum
CREATE TYPE "WebhookKind" AS ENUM ('SIGNED', 'SLACK', 'TEAMS');

-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "kind" "WebhookKind" NOT NULL DEFAULT 'SIGNED';

