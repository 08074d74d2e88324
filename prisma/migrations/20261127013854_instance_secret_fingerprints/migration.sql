-- CreateTable
CREATE TABLE "InstanceSecretFingerprint" (
    "name" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstanceSecretFingerprint_pkey" PRIMARY KEY ("name")
);
