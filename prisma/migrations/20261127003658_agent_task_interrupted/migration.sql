-- AlterEnum
ALTER TYPE "AgentTaskStatus" ADD VALUE 'INTERRUPTED';

-- AlterTable
ALTER TABLE "AgentTask" ADD COLUMN     "round" INTEGER;
