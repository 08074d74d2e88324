-- CreateTable
CREATE TABLE "QaCheckResult" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "checkId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "consoleErrors" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QaCheckResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "QaCheckResult_runId_stepKey_checkId_fingerprint_key" ON "QaCheckResult"("runId", "stepKey", "checkId", "fingerprint");

-- AddForeignKey
ALTER TABLE "QaCheckResult" ADD CONSTRAINT "QaCheckResult_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;
