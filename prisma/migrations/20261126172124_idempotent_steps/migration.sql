-- AlterTable
ALTER TABLE "ProjectVersion" ADD COLUMN     "stepKey" TEXT;

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "runId" TEXT,
ADD COLUMN     "stepKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ProjectVersion_runId_stepKey_key" ON "ProjectVersion"("runId", "stepKey");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_runId_stepKey_key" ON "Deployment"("runId", "stepKey");

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE SET NULL ON UPDATE CASCADE;
