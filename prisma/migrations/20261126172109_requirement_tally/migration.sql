-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "requirementsFailed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requirementsPassed" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requirementsTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requirementsUnsupported" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "requirementsUnverified" INTEGER NOT NULL DEFAULT 0;
