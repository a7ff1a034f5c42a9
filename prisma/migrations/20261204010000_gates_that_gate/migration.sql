-- CreateEnum
CREATE TYPE "GateBlocks" AS ENUM ('START', 'COMPLETE');

-- AlterTable
ALTER TABLE "Gate" ADD COLUMN     "blocks" "GateBlocks" NOT NULL DEFAULT 'COMPLETE';

-- Existing gates get the value the importer derives now (lib/signoffs/gate-blocks.ts):
-- Go/No-Go and pre-deployment gates hold back Start, as do sign-offs named "pre-deployment".
UPDATE "Gate" SET "blocks" = 'START'
WHERE "kind" IN ('GO_NO_GO', 'PRE_DEPLOYMENT')
   OR ("kind" = 'CUSTOM' AND "title" ~* 'pre[- ]?deploy|go[ /-]*no[ -]*go|readiness');

-- CreateTable
CREATE TABLE "GateOverride" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "action" "GateBlocks" NOT NULL,
    "reason" TEXT NOT NULL,
    "gates" JSONB NOT NULL,
    "byName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GateOverride_planId_idx" ON "GateOverride"("planId");

-- AddForeignKey
ALTER TABLE "GateOverride" ADD CONSTRAINT "GateOverride_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
