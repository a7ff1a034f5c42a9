-- CreateEnum
CREATE TYPE "DowntimeMarker" AS ENUM ('START', 'END');

-- CreateEnum
CREATE TYPE "CheckStatus" AS ENUM ('PENDING', 'DONE', 'SKIPPED');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "expectedDowntimeMinutes" INTEGER,
ADD COLUMN     "expectedDurationMinutes" INTEGER;

-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "downtimeMarker" "DowntimeMarker";

-- CreateTable
CREATE TABLE "DowntimePeriod" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "DowntimePeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MonitoringCheck" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "CheckStatus" NOT NULL DEFAULT 'PENDING',
    "note" TEXT,
    "doneAt" TIMESTAMP(3),
    "doneById" TEXT,

    CONSTRAINT "MonitoringCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMetrics" (
    "planId" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "rolledBack" BOOLEAN NOT NULL,
    "durationSeconds" INTEGER,
    "plannedDurationMinutes" INTEGER,
    "downtimeSeconds" INTEGER NOT NULL,
    "expectedDowntimeMinutes" INTEGER,
    "failedItems" INTEGER NOT NULL,
    "skippedItems" INTEGER NOT NULL,
    "meanResolutionSeconds" INTEGER,
    "details" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanMetrics_pkey" PRIMARY KEY ("planId")
);

-- CreateIndex
CREATE INDEX "DowntimePeriod_planId_startedAt_idx" ON "DowntimePeriod"("planId", "startedAt");

-- CreateIndex
CREATE INDEX "MonitoringCheck_status_dueAt_idx" ON "MonitoringCheck"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "MonitoringCheck_planId_position_key" ON "MonitoringCheck"("planId", "position");

-- CreateIndex
CREATE INDEX "Plan_finishedAt_idx" ON "Plan"("finishedAt");

-- CreateIndex
CREATE INDEX "Plan_windowStart_idx" ON "Plan"("windowStart");

-- AddForeignKey
ALTER TABLE "DowntimePeriod" ADD CONSTRAINT "DowntimePeriod_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringCheck" ADD CONSTRAINT "MonitoringCheck_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MonitoringCheck" ADD CONSTRAINT "MonitoringCheck_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMetrics" ADD CONSTRAINT "PlanMetrics_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
