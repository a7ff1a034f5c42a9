-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "monitorAfterRollback" BOOLEAN NOT NULL DEFAULT true;
