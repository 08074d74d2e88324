-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "deployTargets" TEXT[] DEFAULT ARRAY['preview']::TEXT[];

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "providerDeploymentId" TEXT,
ADD COLUMN     "target" TEXT NOT NULL DEFAULT 'preview';

-- CreateIndex
CREATE INDEX "Deployment_projectId_target_status_completedAt_idx" ON "Deployment"("projectId", "target", "status", "completedAt" DESC);
