-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "plannedDurationMinutes" INTEGER;

-- CreateTable
CREATE TABLE "PlanItemOwner" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "userId" TEXT,
    "title" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlanItemOwner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItemDependency" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "dependsOnItemId" TEXT,
    "dependsOnSectionId" TEXT,
    "position" INTEGER NOT NULL,

    CONSTRAINT "PlanItemDependency_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PlanItemOwner_planId_idx" ON "PlanItemOwner"("planId");

-- CreateIndex
CREATE INDEX "PlanItemOwner_userId_idx" ON "PlanItemOwner"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItemOwner_itemId_position_key" ON "PlanItemOwner"("itemId", "position");

-- CreateIndex
CREATE INDEX "PlanItemDependency_planId_idx" ON "PlanItemDependency"("planId");

-- CreateIndex
CREATE INDEX "PlanItemDependency_dependsOnItemId_idx" ON "PlanItemDependency"("dependsOnItemId");

-- CreateIndex
CREATE INDEX "PlanItemDependency_dependsOnSectionId_idx" ON "PlanItemDependency"("dependsOnSectionId");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItemDependency_itemId_position_key" ON "PlanItemDependency"("itemId", "position");

-- AddForeignKey
ALTER TABLE "PlanItemOwner" ADD CONSTRAINT "PlanItemOwner_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemOwner" ADD CONSTRAINT "PlanItemOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemDependency" ADD CONSTRAINT "PlanItemDependency_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemDependency" ADD CONSTRAINT "PlanItemDependency_dependsOnItemId_fkey" FOREIGN KEY ("dependsOnItemId") REFERENCES "PlanItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItemDependency" ADD CONSTRAINT "PlanItemDependency_dependsOnSectionId_fkey" FOREIGN KEY ("dependsOnSectionId") REFERENCES "PlanSection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
