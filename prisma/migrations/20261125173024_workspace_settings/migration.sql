-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "modelName" TEXT,
ADD COLUMN     "modelProvider" TEXT NOT NULL DEFAULT 'offline',
ADD COLUMN     "requirePlanApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "runBudgetTokens" INTEGER,
ADD COLUMN     "runBudgetUsd" DOUBLE PRECISION;
