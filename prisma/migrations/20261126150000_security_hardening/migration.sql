-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE', 'ADMIN');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scope" "ApiTokenScope" NOT NULL DEFAULT 'READ';

-- Hand-written backfill (must run before the NOT NULL below, so it sits inside the generated part):
-- tokens made before scopes covered every workspace of their user and often never expired. They
-- keep working for their user's personal workspace only, with the WRITE scope they effectively
-- had there, and expire 90 days from now unless they expired sooner. A token whose user has no
-- personal workspace cannot be given one workspace, so it is revoked.
UPDATE "ApiToken" AS t
SET "workspaceId" = w."id",
    "scope" = 'WRITE',
    "expiresAt" = LEAST(COALESCE(t."expiresAt", now() + interval '90 days'), now() + interval '90 days')
FROM "Membership" AS m
JOIN "Workspace" AS w ON w."id" = m."workspaceId" AND w."isPersonal" = true
WHERE t."workspaceId" IS NULL AND m."userId" = t."userId" AND m."role" = 'OWNER';
DELETE FROM "ApiToken" WHERE "workspaceId" IS NULL;

ALTER TABLE "ApiToken" ALTER COLUMN "workspaceId" SET NOT NULL;

-- DropTable
DROP TABLE "RateLimit";

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");
