/**
 * How the importer's property tests run (test support, not a test). In `npm test` they use
 * a fixed seed and modest run counts, so a run is repeatable and a failure can be replayed.
 * `npm run fuzz:import` (scripts/fuzz-import.ts) sets FUZZ_SEED to a random (printed) or given
 * seed and FUZZ_RUNS_FACTOR to many times the runs.
 */
import fc from "fast-check";

/** The seed `npm test` uses; a failure it finds is the same on every machine. */
export const FIXED_SEED = 20_261_202;

// eslint-disable-next-line no-restricted-properties -- a test run's own setting, set by scripts/fuzz-import.ts
const environment = process.env;

function positiveNumber(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}

export const propertySeed = Math.trunc(positiveNumber(environment.FUZZ_SEED, FIXED_SEED));
export const runsFactor = positiveNumber(environment.FUZZ_RUNS_FACTOR, 1);

/** fast-check parameters for one property: the seed, and `runs` scaled for a fuzzing session. */
export function propertyParameters(runs: number): fc.Parameters<unknown> {
  return { seed: propertySeed, numRuns: Math.max(1, Math.round(runs * runsFactor)) };
}

/** A test's time limit, scaled with its runs. */
export function timeoutFor(milliseconds: number): number {
  return Math.round(milliseconds * Math.max(1, runsFactor));
}
