-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "changeTicket" TEXT;
