-- AlterEnum
-- A lead may schedule a plan over a failed readiness check; the override is a GateOverride row.
ALTER TYPE "GateBlocks" ADD VALUE 'SCHEDULE';
