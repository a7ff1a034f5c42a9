import { isSettled, type ItemStatusName } from "@/lib/plans/progress";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import type { PhaseSection } from "@/lib/timeline/phases";

/**
 * Planned against actual, as plain arithmetic on epoch milliseconds so the server, the
 * browser (every second, for the moving now-line) and the tests compute the same thing.
 *
 * T-0 is the scheduled start until the plan is started, then the actual start: a plan that
 * starts late moves its whole plan with it, and what was late is the start, not each phase.
 */
export interface ItemSpan {
  /** First and last state change of the item, epoch ms. */
  first: number;
  last: number;
}

export interface ScheduleRowInput {
  key: string;
  activity: string;
  offsetMinutes: number;
  durationMinutes: number | null;
  owner: string | null;
}

export interface TimelineInput {
  phases: readonly PhaseSection[];
  schedule?: readonly ScheduleRowInput[];
  status: PlanStatusName;
  windowStart: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  expectedDurationMinutes: number | null;
  itemStatus: (itemId: string) => ItemStatusName;
  itemSpans: Readonly<Record<string, ItemSpan>>;
  now: number;
}

/** "stopped": a deployment phase left open when the plan rolled back (not late, not skipped: abandoned on purpose). */
export type PhaseState = "upcoming" | "running" | "behind" | "done" | "finished-late" | "not-run" | "stopped";

export interface TimelinePhase {
  id: string;
  title: string;
  isRollback: boolean;
  plannedStart: number;
  plannedEnd: number;
  /** "document": the plan says when; "estimated": laid out from item counts and neighbours. */
  plannedFrom: "document" | "estimated";
  actualStart: number | null;
  /** Set once every item of the phase is settled. */
  actualEnd: number | null;
  state: PhaseState;
  items: number;
  settled: number;
}

export interface TimelineScheduleRow extends ScheduleRowInput {
  plannedStart: number;
  plannedEnd: number;
}

export type TimelineClock =
  | { mode: "unscheduled" }
  | { mode: "countdown"; ms: number }
  | { mode: "elapsed"; ms: number }
  | { mode: "finished"; ms: number };

export interface PlanTimeline {
  tZero: number | null;
  tZeroFrom: "scheduled" | "actual" | null;
  /** How much later than scheduled the plan started; null when it has not started or had no window. */
  startedLateMs: number | null;
  phases: TimelinePhase[];
  schedule: TimelineScheduleRow[];
  plannedFinish: number | null;
  estimatedFinish: number | null;
  clock: TimelineClock;
  behind: number;
}

const MINUTE = 60_000;
/** A phase nobody gave a length: two minutes an item, five at least. */
const MINUTES_PER_ITEM = 2;
const MINIMUM_ESTIMATE = 5;

export function planTimeline(input: TimelineInput): PlanTimeline {
  const started = input.startedAt !== null;
  const tZero = input.startedAt ?? input.windowStart;
  const schedule = tZero === null ? [] : (input.schedule ?? []).map((row) => scheduleRow(row, tZero));
  if (tZero === null) {
    return { tZero: null, tZeroFrom: null, startedLateMs: null, phases: [], schedule, plannedFinish: null, estimatedFinish: null, clock: { mode: "unscheduled" }, behind: 0 };
  }
  const deploymentPhases = input.phases.filter((phase) => !phase.isRollback);
  const rollbackPhases = input.phases.filter((phase) => phase.isRollback);
  const rollingBack = ROLLBACK_STATUSES.has(input.status);
  const finished = input.finishedAt !== null;
  const spansOf = (phase: PhaseSection) => phase.itemIds.map((id) => input.itemSpans[id]).filter((span): span is ItemSpan => Boolean(span));

  const planned = layOutPhases(deploymentPhases, tZero, input.expectedDurationMinutes);
  const deployment = deploymentPhases.map((phase, index) => {
    const measured = measure(phase, spansOf(phase), input);
    const span = planned[index]!;
    const deadline = deadlineOf(span.start, span.end, input.startedAt);
    const state: PhaseState = rollingBack && !measured.complete ? "stopped" : phaseState({ ...measured, deadline, finished, now: input.now });
    return timelinePhase(phase, span, measured, state);
  });

  // The rollback procedure belongs on the timeline once it is being run: its own lane, planned
  // from when it began (its first tick, or now while nobody has ticked yet), not after the
  // deployment's planned end, which would make every rollback look late.
  const rollbackRun = rollbackPhases.map((phase) => measure(phase, spansOf(phase), input));
  const rollbackStarts = rollbackRun.map((run) => run.actualStart).filter((start): start is number => start !== null);
  const rollbackStart = rollbackStarts.length ? Math.min(...rollbackStarts) : rollingBack ? (input.finishedAt ?? input.now) : null;
  const rollback =
    rollbackStart === null
      ? []
      : layOutInSequence(rollbackPhases, rollbackStart).map((span, index) => {
          const measured = rollbackRun[index]!;
          return timelinePhase(rollbackPhases[index]!, span, measured, phaseState({ ...measured, deadline: span.end, finished, now: input.now }));
        });
  const shown = [...deployment, ...rollback];

  const plannedFinish = input.expectedDurationMinutes !== null ? tZero + input.expectedDurationMinutes * MINUTE : deploymentEnd(shown, tZero);
  return {
    tZero,
    tZeroFrom: started ? "actual" : "scheduled",
    startedLateMs: started && input.windowStart !== null ? input.startedAt! - input.windowStart : null,
    phases: shown,
    schedule,
    plannedFinish,
    estimatedFinish: rollingBack && !finished && rollback.length ? Math.max(...rollback.map((phase) => phase.plannedEnd)) : estimateFinish(shown, plannedFinish, input),
    clock: clockOf(input, tZero),
    behind: shown.filter((phase) => phase.state === "behind").length,
  };
}

const ROLLBACK_STATUSES: ReadonlySet<PlanStatusName> = new Set(["ROLLING_BACK", "ROLLED_BACK"]);

interface PhaseRun {
  complete: boolean;
  actualStart: number | null;
  actualEnd: number | null;
  settled: number;
}

function measure(phase: PhaseSection, spans: readonly ItemSpan[], input: TimelineInput): PhaseRun {
  const settled = phase.itemIds.filter((id) => isSettled(input.itemStatus(id))).length;
  const complete = phase.itemIds.length > 0 && settled === phase.itemIds.length;
  const actualStart = spans.length ? Math.min(...spans.map((span) => span.first)) : null;
  const actualEnd = complete && spans.length ? Math.max(...spans.map((span) => span.last)) : null;
  return { complete, actualStart, actualEnd, settled };
}

function timelinePhase(phase: PhaseSection, span: PlannedSpan, run: PhaseRun, state: PhaseState): TimelinePhase {
  return {
    id: phase.id,
    title: phase.title,
    isRollback: phase.isRollback,
    plannedStart: span.start,
    plannedEnd: span.end,
    plannedFrom: span.from,
    actualStart: run.actualStart,
    actualEnd: run.actualEnd,
    state,
    items: phase.itemIds.length,
    settled: run.settled,
  };
}

/** The rollback lane: its phases one after another from `start`, each for its own duration or an estimate. */
function layOutInSequence(phases: readonly PhaseSection[], start: number): PlannedSpan[] {
  let cursor = start;
  return phases.map((phase) => {
    const length = phase.durationMinutes ?? Math.max(MINIMUM_ESTIMATE, phase.itemIds.length * MINUTES_PER_ITEM);
    const span: PlannedSpan = { start: cursor, end: cursor + length * MINUTE, from: phase.durationMinutes !== null ? "document" : "estimated" };
    cursor = span.end;
    return span;
  });
}

/**
 * When a phase is late. Behind schedule is measured from the actual start: a preparation
 * phase planned to end before T-0 that is still open when the plan starts (early, or with
 * the preparations left to do) gets its planned length from the actual start, instead of
 * being "behind" one second after the start.
 */
function deadlineOf(plannedStart: number, plannedEnd: number, startedAt: number | null): number {
  if (startedAt === null || plannedEnd > startedAt) return plannedEnd;
  return startedAt + (plannedEnd - plannedStart);
}

function phaseState(phase: { complete: boolean; actualStart: number | null; actualEnd: number | null; deadline: number; finished: boolean; now: number }): PhaseState {
  if (phase.complete) return phase.actualEnd !== null && phase.actualEnd > phase.deadline ? "finished-late" : "done";
  if (phase.finished) return "not-run";
  if (phase.now > phase.deadline) return "behind";
  return phase.actualStart !== null ? "running" : "upcoming";
}

interface PlannedSpan {
  start: number;
  end: number;
  from: "document" | "estimated";
}

/**
 * Phases with an offset start there; the others follow the phase before them, or, before
 * the first phase with an offset, are packed backwards so they end where it starts. A phase
 * without a duration lasts until the next anchored phase, or gets an estimate by item count.
 */
function layOutPhases(phases: readonly PhaseSection[], tZero: number, expectedDurationMinutes: number | null): PlannedSpan[] {
  const unanchoredItems = phases.filter((phase) => phase.offsetMinutes === null).reduce((sum, phase) => sum + phase.itemIds.length, 0);
  const anchoredLength = (phase: PhaseSection) => phase.durationMinutes;
  const estimate = (phase: PhaseSection) => {
    if (expectedDurationMinutes !== null && unanchoredItems > 0 && phases.every((other) => other.offsetMinutes === null)) {
      return Math.max(1, (expectedDurationMinutes * phase.itemIds.length) / unanchoredItems);
    }
    return Math.max(MINIMUM_ESTIMATE, phase.itemIds.length * MINUTES_PER_ITEM);
  };
  const nextAnchor = (index: number) => {
    for (let next = index + 1; next < phases.length; next += 1) {
      const offset = phases[next]!.offsetMinutes;
      if (offset !== null) return offset;
    }
    return null;
  };

  const spans: (PlannedSpan | null)[] = phases.map(() => null);
  const firstAnchored = phases.findIndex((phase) => phase.offsetMinutes !== null);
  // Forward pass from the first anchored phase (or from T-0 when no phase has an offset).
  let cursor = firstAnchored === -1 ? 0 : phases[firstAnchored]!.offsetMinutes!;
  for (let index = Math.max(firstAnchored, 0); index < phases.length; index += 1) {
    const phase = phases[index]!;
    const start = phase.offsetMinutes ?? cursor;
    const gap = nextAnchor(index);
    const length = anchoredLength(phase) ?? (gap !== null && gap > start ? gap - start : estimate(phase));
    const fromDocument = phase.offsetMinutes !== null && (phase.durationMinutes !== null || (gap !== null && gap > start));
    spans[index] = { start: tZero + start * MINUTE, end: tZero + (start + length) * MINUTE, from: fromDocument ? "document" : "estimated" };
    cursor = start + length;
  }
  // Backward pass for the phases before the first anchored one.
  let end = firstAnchored === -1 ? 0 : phases[firstAnchored]!.offsetMinutes!;
  for (let index = firstAnchored - 1; index >= 0; index -= 1) {
    const phase = phases[index]!;
    const length = phase.durationMinutes ?? estimate(phase);
    spans[index] = { start: tZero + (end - length) * MINUTE, end: tZero + end * MINUTE, from: "estimated" };
    end -= length;
  }
  return spans.map((span) => span!);
}

/** Without an expected duration, the deployment ends with the last phase that starts in its first day. */
function deploymentEnd(phases: readonly TimelinePhase[], tZero: number): number | null {
  const inWindow = phases.filter((phase) => !phase.isRollback && phase.plannedStart >= tZero && phase.plannedStart < tZero + 24 * 60 * MINUTE);
  return inWindow.length ? Math.max(...inWindow.map((phase) => phase.plannedEnd)) : null;
}

/**
 * The planned finish pushed back by how late the current phase is: it started late, or it
 * is still open past its planned end. Work ahead of plan is not credited (it rarely holds).
 */
function estimateFinish(phases: readonly TimelinePhase[], plannedFinish: number | null, input: TimelineInput): number | null {
  if (input.finishedAt !== null) return input.finishedAt;
  if (plannedFinish === null) return null;
  if (input.startedAt === null) return plannedFinish;
  // The phase in hand: the first open one of the deployment itself (preparations before T-0 that
  // were left open do not delay the finish).
  const current = phases.find((phase) => !phase.isRollback && phase.actualEnd === null && phase.plannedStart >= input.startedAt!) ?? null;
  if (!current) return plannedFinish;
  const lateStart = current.actualStart !== null ? current.actualStart - current.plannedStart : 0;
  const overrun = input.now - current.plannedEnd;
  return plannedFinish + Math.max(0, lateStart, overrun);
}

function clockOf(input: TimelineInput, tZero: number): TimelineClock {
  if (input.startedAt !== null && input.finishedAt !== null) return { mode: "finished", ms: input.finishedAt - input.startedAt };
  if (input.startedAt !== null) return { mode: "elapsed", ms: input.now - input.startedAt };
  if (input.status !== "DRAFT" && input.status !== "SCHEDULED") return { mode: "unscheduled" };
  return { mode: "countdown", ms: input.now - tZero };
}

function scheduleRow(row: ScheduleRowInput, tZero: number): TimelineScheduleRow {
  const plannedStart = tZero + row.offsetMinutes * MINUTE;
  return { ...row, plannedStart, plannedEnd: plannedStart + (row.durationMinutes ?? 0) * MINUTE };
}
