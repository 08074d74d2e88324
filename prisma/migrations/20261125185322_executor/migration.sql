-- CreateIndex
CREATE INDEX "ExecutorEvent_name_receivedAt_idx" ON "ExecutorEvent"("name", "receivedAt");
