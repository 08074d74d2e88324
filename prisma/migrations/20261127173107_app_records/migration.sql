-- CreateTable
CREATE TABLE "AppDataStore" (
    "projectId" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppDataStore_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "AppRecord" (
    "projectId" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "data" JSONB,
    "seq" INTEGER NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AppRecord_pkey" PRIMARY KEY ("projectId","entity","recordId")
);

-- CreateIndex
CREATE INDEX "AppRecord_projectId_seq_idx" ON "AppRecord"("projectId", "seq");

-- AddForeignKey
ALTER TABLE "AppDataStore" ADD CONSTRAINT "AppDataStore_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppRecord" ADD CONSTRAINT "AppRecord_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
