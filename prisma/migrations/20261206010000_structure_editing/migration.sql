-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "addedDuringRun" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "PlanSection" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 0;

-- Steps that existed before this migration came with their plan.
UPDATE "PlanItem" i SET "createdAt" = p."createdAt" FROM "Plan" p WHERE p.id = i."planId";
