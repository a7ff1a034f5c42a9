import type { Gate, ItemState, PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { timeColumnsOf, type TimeColumns } from "@/lib/plans/time-columns";
import type { GateStatus, SignatureLiveState } from "@/lib/signoffs/gate-rules";
import { describeOverride, type GateOverrideRecord } from "@/lib/signoffs/gate-blocks";
import { instantToWallTime } from "@/lib/time/window";
import { foldUserText } from "@/lib/import/fold-user-text";

/** The run state of one item as the rows hold it. */
export interface ItemStateRow {
  documentKey: string;
  status: "PENDING" | "DONE" | "SKIPPED" | "FAILED" | "NOT_APPLICABLE";
  statusNote: string | null;
  measuredValue: number | null;
  statusAt: Date | null;
  changedBy: string | null;
  /** The lead added the step while the plan ran; the export says so next to it. */
  addedDuringRun?: boolean;
}

/** Written after the text of a step added during the run; kept as text when the export is imported again. */
export const ADDED_DURING_RUN_MARK = "_(added during the run)_";

/**
 * The plan's document with the current state of every item written into it, ready for the
 * Markdown export. The stored document keeps its import-time state; the rows are the truth.
 */
export function documentWithState(
  document: PlanDocument,
  rows: readonly ItemStateRow[],
  gates: ReadonlyMap<string, GateStatus> = new Map(),
  isLate: (signature: SignatureLiveState) => boolean = () => false,
): PlanDocument {
  const byKey = new Map(rows.map((row) => [row.documentKey, row]));
  const withItem = (item: PlanItem): PlanItem => {
    const row = byKey.get(item.id);
    const { state: _previous, ...rest } = item;
    const state: ItemState | undefined =
      row && (row.status !== "PENDING" || row.measuredValue !== null)
        ? {
            status: row.status.toLowerCase() as ItemState["status"],
            // Names and notes are typed by people; the document holds them on one line (fold-user-text.ts).
            ...(row.changedBy ? { by: foldUserText(row.changedBy) } : {}),
            ...(row.statusAt ? { at: row.statusAt.toISOString() } : {}),
            ...(row.statusNote ? { note: foldUserText(row.statusNote) } : {}),
            ...(row.measuredValue !== null ? { measuredValue: row.measuredValue } : {}),
          }
        : undefined;
    const text = row?.addedDuringRun && !rest.text.endsWith(ADDED_DURING_RUN_MARK) ? `${rest.text} ${ADDED_DURING_RUN_MARK}` : rest.text;
    return { ...rest, text, ...(state ? { state } : {}), items: item.items.map(withItem) };
  };
  const withSection = (section: PlanSection): PlanSection => ({
    ...section,
    items: section.items.map(withItem),
    sections: section.sections.map(withSection),
  });
  return {
    ...document,
    sections: document.sections.map(withSection),
    gates: document.gates.map((gate) => {
      const status = gates.get(gate.id);
      return status ? gateWithSignatures(gate, status, isLate) : gate;
    }),
  };
}

const day = (at: string) => at.slice(0, 10);

/**
 * A gate's signatures written into its document form: a title counts as signed while it
 * has its fresh approvals; rejections and stale signatures are named next to it, so the
 * exported Markdown says exactly where each sign-off stands.
 */
export function gateWithSignatures(gate: Gate, status: GateStatus, isLate: (signature: SignatureLiveState) => boolean = () => false): Gate {
  const roles = gate.roles.map((role) => {
    const live = status.roles.find((candidate) => candidate.title === role.role.trim());
    if (!live) return role;
    const name = (signature: { userName: string }) => foldUserText(signature.userName);
    const parts = [
      // Late: given after the Start or Complete this gate should have held back.
      ...live.approvals.map((signature) => `${name(signature)}${isLate(signature) ? " (late)" : ""}`),
      ...live.rejections.map((signature) => `rejected by ${name(signature)}${signature.comment ? ` (${foldUserText(signature.comment)})` : ""}`),
      ...live.stale.map((signature) => `${name(signature)} (stale: signed before the checklist changed)`),
    ];
    const latest = [...live.approvals, ...live.rejections, ...live.stale].map((signature) => signature.at).sort().at(-1);
    return { ...role, signed: live.state === "signed", signedBy: parts.join("; "), ...(latest ? { signedAt: day(latest) } : {}) };
  });
  const decision = status.decision && !status.decision.stale ? decisionLabel(gate, status.decision.decision) : undefined;
  return { ...gate, roles, ...(decision ? { decision } : {}) };
}

/** The document's own spelling of a decision ("NO-GO", "No Go"), so the export ticks the right option. */
function decisionLabel(gate: Gate, decision: string): string {
  const plain = (text: string) => text.toUpperCase().replace(/[^A-Z]/g, "");
  return gate.decisionOptions.find((option) => plain(option) === plain(decision)) ?? decision.replace("_", "-");
}

/**
 * The document's window brought up to date with the plan's: when the lead moved the start or
 * changed what the window is expected to take, the exported Markdown says the new values, in
 * the words the importer reads back.
 */
export function documentWithWindow(document: PlanDocument, plan: TimeColumns): PlanDocument {
  const written = timeColumnsOf(document);
  const window = { ...document.metadata.window };
  const metadata = { ...document.metadata, window };
  const zone = plan.windowTimeZone ?? "UTC";
  if (plan.windowStart && (written.windowStart?.getTime() !== plan.windowStart.getTime() || written.windowTimeZone !== zone)) {
    const wallTime = instantToWallTime(plan.windowStart, zone);
    window.date = wallTime.slice(0, 10);
    window.start = `${wallTime.slice(11)} ${zone}`;
  }
  if (plan.expectedDurationMinutes !== null && written.expectedDurationMinutes !== plan.expectedDurationMinutes) {
    window.estimatedDuration = `${plan.expectedDurationMinutes} minutes`;
  }
  if (plan.expectedDowntimeMinutes !== null && written.expectedDowntimeMinutes !== plan.expectedDowntimeMinutes) {
    metadata.expectedDowntime = plan.expectedDowntimeMinutes ? `${plan.expectedDowntimeMinutes} minutes` : "None";
  }
  return { ...document, metadata };
}

/**
 * Starts and completions done over unsatisfied gates, as header fields the importer keeps:
 * "**Gate override**: Started without the QA Lead's sign-off: <reason> (Lee Lead, 2026-12-01 10:00 UTC)".
 */
export function documentWithOverrides(document: PlanDocument, overrides: readonly GateOverrideRecord[]): PlanDocument {
  if (!overrides.length) return document;
  const fields = overrides.map((override) => ({
    key: "Gate override",
    value: foldUserText(`${describeOverride(override)} (${override.byName}, ${override.at.slice(0, 16).replace("T", " ")} UTC)`),
  }));
  return { ...document, metadata: { ...document.metadata, extra: [...document.metadata.extra, ...fields] } };
}

/** What the export's header says about the run itself. */
export interface RunRecord {
  status: "DRAFT" | "SCHEDULED" | "IN_PROGRESS" | "ROLLING_BACK" | "COMPLETE" | "PARTIAL" | "ROLLED_BACK" | "ABORTED";
  startedAt: Date | null;
  finishedAt: Date | null;
  rollbackReason: string | null;
  /** The Go/No-Go decisions in force, one per decided gate. */
  decisions: { gateTitle: string; decision: string; by: string; at: string; rationale: string | null }[];
}

const STATUS_WORDS: Record<RunRecord["status"], string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  ROLLING_BACK: "Rolling back",
  COMPLETE: "Complete",
  PARTIAL: "Partially complete",
  ROLLED_BACK: "Rolled back",
  ABORTED: "Aborted",
};

/** The header fields the export writes about the run; replaced, never repeated, when an export is imported and exported again. */
export const RUN_RECORD_KEYS = ["Plan Status", "Started At", "Finished At", "Rollback Reason", "Go/No-Go"] as const;

const isRunRecordKey = (key: string) => {
  const lower = key.toLowerCase();
  return RUN_RECORD_KEYS.some((name) => lower === name.toLowerCase() || lower.startsWith(`${name.toLowerCase()} (`));
};

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The document's header with the run's status, times, rollback reason and Go/No-Go
 * rationale, as `**Key**: value` fields the importer keeps (as extra metadata), so the file
 * says how the night went without the app. Reasons are typed by people: folded onto one line.
 */
export function documentWithRunRecord(document: PlanDocument, run: RunRecord): PlanDocument {
  const fields = [{ key: "Plan Status", value: STATUS_WORDS[run.status] }];
  if (run.startedAt) fields.push({ key: "Started At", value: utc(run.startedAt) });
  if (run.finishedAt) fields.push({ key: "Finished At", value: utc(run.finishedAt) });
  if (run.rollbackReason) fields.push({ key: "Rollback Reason", value: foldUserText(run.rollbackReason) });
  for (const decision of run.decisions) {
    const key = run.decisions.length > 1 ? `Go/No-Go (${foldUserText(decision.gateTitle)})` : "Go/No-Go";
    const said = `${decision.decision.replace("_", "-")} by ${foldUserText(decision.by)} at ${utc(new Date(decision.at))}`;
    fields.push({ key, value: decision.rationale ? `${said}: ${foldUserText(decision.rationale)}` : said });
  }
  const extra = [...fields, ...document.metadata.extra.filter((field) => !isRunRecordKey(field.key))];
  return { ...document, metadata: { ...document.metadata, extra } };
}

/** The Go/No-Go decisions in force, from the gates' live statuses (stale decisions are not in force). */
export function decisionsInForce(gates: ReadonlyMap<string, GateStatus>, titles: ReadonlyMap<string, string>): RunRecord["decisions"] {
  return [...gates.entries()].flatMap(([key, status]) => {
    const decision = status.decision;
    if (!decision || decision.stale) return [];
    return [{ gateTitle: titles.get(key) ?? key, decision: decision.decision, by: decision.userName, at: decision.at, rationale: decision.comment }];
  });
}
