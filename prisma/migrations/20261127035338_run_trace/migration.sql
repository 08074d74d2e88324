-- AlterTable
ALTER TABLE "ExecutorRun" ADD COLUMN     "traceparent" TEXT;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "traceId" TEXT;
