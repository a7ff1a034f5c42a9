-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "shareShowsDiscussion" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "hideCommandsInShare" SET DEFAULT true;
