-- CreateEnum
CREATE TYPE "SignatureDecision" AS ENUM ('APPROVE', 'REJECT', 'GO', 'NO_GO', 'DEFER');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "allowSelfApproval" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "hideCommandsInShare" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Gate" ADD COLUMN     "requiredItemIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "PlanMember" ADD COLUMN     "titles" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "GateSignature" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "gateId" TEXT NOT NULL,
    "title" TEXT,
    "userId" TEXT NOT NULL,
    "decision" "SignatureDecision" NOT NULL,
    "comment" TEXT,
    "coveredItems" JSONB NOT NULL,
    "staleAt" TIMESTAMP(3),
    "staleReason" TEXT,
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GateSignature_planId_idx" ON "GateSignature"("planId");

-- CreateIndex
CREATE INDEX "GateSignature_gateId_idx" ON "GateSignature"("gateId");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_planId_idx" ON "ShareLink"("planId");

-- AddForeignKey
ALTER TABLE "GateSignature" ADD CONSTRAINT "GateSignature_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignature" ADD CONSTRAINT "GateSignature_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "Gate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignature" ADD CONSTRAINT "GateSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
