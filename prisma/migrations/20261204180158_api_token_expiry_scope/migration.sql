-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ_ONLY', 'READ_WRITE');

-- AlterTable
-- Tokens made before expiry existed keep acting as before (READ_WRITE: they acted with the
-- user's role) and expire 90 days after this migration, the default lifetime of a new token:
-- every script keeps working on upgrade, and its owner has 90 days to replace its token.
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" "ApiTokenScope" NOT NULL DEFAULT 'READ_WRITE';

UPDATE "ApiToken" SET "expiresAt" = (now() AT TIME ZONE 'UTC') + interval '90 days';

ALTER TABLE "ApiToken" ALTER COLUMN "expiresAt" SET NOT NULL;
