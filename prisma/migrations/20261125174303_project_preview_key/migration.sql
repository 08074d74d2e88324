-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "previewKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Project_previewKey_key" ON "Project"("previewKey");
