-- CreateEnum
CREATE TYPE "DeploymentStrategy" AS ENUM ('BLUE_GREEN', 'ROLLING', 'CANARY', 'FEATURE_FLAG', 'RECREATE', 'OTHER');

-- CreateEnum
CREATE TYPE "ItemStatus" AS ENUM ('PENDING', 'DONE', 'SKIPPED', 'FAILED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "GateKind" AS ENUM ('GO_NO_GO', 'PRE_DEPLOYMENT', 'POST_DEPLOYMENT', 'CUSTOM');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "deployLead" TEXT,
ADD COLUMN     "document" JSONB NOT NULL,
ADD COLUMN     "estimatedDuration" TEXT,
ADD COLUMN     "expectedDowntime" TEXT,
ADD COLUMN     "feature" TEXT,
ADD COLUMN     "riskLevel" TEXT,
ADD COLUMN     "strategy" "DeploymentStrategy",
ADD COLUMN     "windowStart" TIMESTAMP(3),
ADD COLUMN     "windowStartText" TEXT,
ADD COLUMN     "windowTimeZone" TEXT;

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "parentId" TEXT,
    "documentKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "offsetLabel" TEXT,
    "offsetMinutes" INTEGER,
    "plannedDurationMinutes" INTEGER,
    "isRollback" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "sectionId" TEXT NOT NULL,
    "parentId" TEXT,
    "documentKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "critical" BOOLEAN NOT NULL DEFAULT false,
    "assigneeRole" TEXT,
    "metric" JSONB,
    "status" "ItemStatus" NOT NULL DEFAULT 'PENDING',
    "statusNote" TEXT,
    "measuredValue" DOUBLE PRECISION,
    "statusById" TEXT,
    "statusByName" TEXT,
    "statusAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gate" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "documentKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "GateKind" NOT NULL,
    "title" TEXT NOT NULL,
    "decisionMakerRole" TEXT,

    CONSTRAINT "Gate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateRole" (
    "id" TEXT NOT NULL,
    "gateId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "quorum" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "GateRole_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "document" JSONB NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanSection_parentId_idx" ON "PlanSection"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_planId_documentKey_key" ON "PlanSection"("planId", "documentKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_planId_position_key" ON "PlanSection"("planId", "position");

-- CreateIndex
CREATE INDEX "PlanItem_sectionId_idx" ON "PlanItem"("sectionId");

-- CreateIndex
CREATE INDEX "PlanItem_parentId_idx" ON "PlanItem"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_planId_documentKey_key" ON "PlanItem"("planId", "documentKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_planId_position_key" ON "PlanItem"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Gate_planId_documentKey_key" ON "Gate"("planId", "documentKey");

-- CreateIndex
CREATE UNIQUE INDEX "Gate_planId_position_key" ON "Gate"("planId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "GateRole_gateId_position_key" ON "GateRole"("gateId", "position");

-- CreateIndex
CREATE INDEX "Template_createdById_idx" ON "Template"("createdById");

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanSection" ADD CONSTRAINT "PlanSection_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_statusById_fkey" FOREIGN KEY ("statusById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Gate" ADD CONSTRAINT "Gate_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateRole" ADD CONSTRAINT "GateRole_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "Gate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

