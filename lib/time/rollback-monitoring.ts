import type { PlanDocument } from "@/lib/plan-document/schema";
import type { MonitoringCheck } from "@/lib/time/monitoring-schedule";

/**
 * What to watch after a rollback: not the release that was rolled back (its monitoring
 * schedule no longer applies) but that the rollback holds. The plan's own rollback triggers
 * say what "holding" means; a plan without triggers gets the general checks.
 */
const MAX_LABEL = 200;

export function rollbackHoldChecks(document: Pick<PlanDocument, "rollback"> | null): MonitoringCheck[] {
  const triggers = [...new Set(document?.rollback.triggers.map((trigger) => trigger.text.trim()).filter(Boolean) ?? [])];
  const quiet = triggers.length ? `Rollback holds: no rollback trigger fires again (${triggers.join("; ")})` : "Rollback holds: error rates and alerts are back to normal";
  return [
    { label: "Rollback holds: the previous version serves all traffic", offsetMinutes: 15, source: "rollback" },
    { label: truncate(quiet, MAX_LABEL), offsetMinutes: 60, source: "rollback" },
    { label: "Review the day after the rollback", offsetMinutes: 1_440, source: "rollback" },
  ];
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 2)}…)` : text;
}
