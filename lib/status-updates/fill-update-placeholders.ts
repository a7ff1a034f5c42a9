import { fillPlaceholders, type PlaceholderValues } from "@/lib/templates/fill-placeholders";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { runHeadline } from "@/lib/plans/run-state";

/**
 * What a status update's message can say about the run right now. Read from the live state
 * at the moment the update is posted (update-facts.ts), so the text sent is the text stored.
 */
export interface UpdateFacts {
  status: PlanStatusName;
  /** Required, non-rollback steps: how many are settled (done, skipped, not applicable) of all. */
  progress: { settled: number; total: number };
  /** The section being worked on, or null when there is none (not started, or all settled). */
  phase: string | null;
  /** When the run is expected to end, already written for people ("14:30 Europe/Berlin"), or null. */
  eta: string | null;
  /** The downtime as people say it ("in progress since 14:05 UTC", "12 min, ended"), or null when none is expected or known. */
  downtime: string | null;
}

/** "12 of 30 steps (40%)"; a plan without counted steps says so rather than "0 of 0 (NaN%)". */
export function progressText({ settled, total }: UpdateFacts["progress"]): string {
  if (total === 0) return "no steps to count";
  return `${settled} of ${total} step${total === 1 ? "" : "s"} (${Math.floor((settled / total) * 100)}%)`;
}

/**
 * A message's text with its placeholders filled: the run's own (`{{progress}}`, `{{phase}}`,
 * `{{eta}}`, `{{downtime}}`, `{{status}}`) and the document's (its metadata and declared
 * fields, `documentValues`). The run's names win over a document field of the same name, as
 * they describe the moment. Filling is the templates' code (lib/templates/fill-placeholders.ts),
 * linear in the text; a placeholder with no value stays as written, so nothing is silently emptied.
 */
export function fillUpdatePlaceholders(body: string, facts: UpdateFacts, documentValues: PlaceholderValues): string {
  return fillPlaceholders(body, {
    ...documentValues,
    progress: progressText(facts.progress),
    phase: facts.phase ?? "none",
    eta: facts.eta ?? "not known",
    downtime: facts.downtime ?? "none",
    status: runHeadline(facts.status).label,
  });
}

/**
 * The document's own values a message may name: its title, its metadata (`{{service}}`,
 * `{{version}}`, `{{deploy_lead}}`, `{{window_start}}`…) and every `Key: value` field it declares.
 */
export function documentPlaceholderValues(document: Pick<PlanDocument, "title" | "metadata">): PlaceholderValues {
  const { metadata } = document;
  return {
    ...Object.fromEntries(metadata.extra.map((field) => [field.key, field.value])),
    title: document.title,
    feature: metadata.feature,
    service: metadata.service,
    version: metadata.version,
    environment: metadata.environment,
    strategy: metadata.strategyText ?? metadata.strategy,
    expected_downtime: metadata.expectedDowntime,
    risk_level: metadata.riskLevel,
    window_date: metadata.window.date,
    window_start: metadata.window.start,
    window_end: metadata.window.end,
    estimated_duration: metadata.window.estimatedDuration,
    deploy_lead: metadata.deployLead,
  };
}
