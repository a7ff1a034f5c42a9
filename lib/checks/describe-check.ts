import type { HttpCheckResult } from "@/lib/checks/check-spec";

/** The evidence of a check run in one line: "check passed: 200 in 35 ms" / "check failed: Expected status 200, got 503. (503 in 12 ms)". */
export function describeCheckEvidence(result: HttpCheckResult): string {
  const answer = result.status === null ? `no answer after ${result.ms} ms` : `${result.status} in ${result.ms} ms`;
  const tries = result.attempts > 1 ? `, ${result.attempts} tries` : "";
  return result.ok ? `check passed: ${answer}${tries}` : `check failed: ${result.reason ?? "no reason given"} (${answer}${tries})`;
}
