/**
 * `npm run fuzz:import [-- --seed 1234] [-- --factor 50]`: the importer's property tests
 * (lib/import/importer.property.test.ts) run much longer than in `npm test`, with a random
 * seed printed first, so any failure can be replayed with `--seed`. `npm test` runs the same
 * properties with a fixed seed and the base run counts.
 */
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: { seed: { type: "string" }, factor: { type: "string", default: "50" } },
  strict: true,
});

function positiveInteger(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`fuzz:import: --${name} must be a positive whole number, got "${text}"`);
    process.exit(2);
  }
  return value;
}

const seed = positiveInteger(values.seed, "seed") ?? randomInt(1, 2 ** 31 - 1);
const factor = positiveInteger(values.factor, "factor") ?? 50;
console.log(`fuzz:import: seed ${seed}, ${factor}× the runs of npm test`);
console.log(`fuzz:import: replay with  npm run fuzz:import -- --seed ${seed} --factor ${factor}`);

const result = spawnSync("npx", ["vitest", "run", "--project", "unit", "lib/import/importer.property.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS_FACTOR: String(factor) },
});
if (result.status !== 0) console.log(`fuzz:import: failed with seed ${seed}; replay with  npm run fuzz:import -- --seed ${seed} --factor ${factor}`);
process.exit(result.status ?? 1);
