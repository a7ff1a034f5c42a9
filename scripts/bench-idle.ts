/**
 * How quiet the machine is: its idle share over a short sample of /proc/stat (all cores; idle +
 * iowait jiffies over all jiffies). The benchmarks print it before each row, because on a shared
 * machine a row measured while something else ran says little.
 */
import { readFileSync } from "node:fs";

function idleJiffies(): [number, number] {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  return [fields[3]! + fields[4]!, fields.reduce((sum, value) => sum + value, 0)];
}

/** The machine's idle share (%) over the next `ms` milliseconds. */
export async function idleShare(ms = 2000): Promise<number> {
  const before = idleJiffies();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = idleJiffies();
  return (100 * (after[0] - before[0])) / Math.max(1, after[1] - before[1]);
}
