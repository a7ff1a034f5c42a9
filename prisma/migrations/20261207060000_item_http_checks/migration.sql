-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "httpCheck" JSONB,
ADD COLUMN     "httpCheckResult" JSONB;
