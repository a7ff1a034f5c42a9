import { FINISHED_STATUSES, type PlanStatusName } from "@/lib/plan-state/lifecycle";

/** What the plans list needs of a plan to place it. */
export interface ArrangeablePlan {
  status: PlanStatusName;
  windowStart: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

export interface FinishedGroup<P> {
  /** "2026-12" — the month the plans in it ran (UTC), newest month first. */
  key: string;
  /** "December 2026". */
  label: string;
  plans: P[];
}

export interface ArrangedPlans<P> {
  running: P[];
  upcoming: P[];
  finished: FinishedGroup<P>[];
}

const RUNNING: ReadonlySet<PlanStatusName> = new Set<PlanStatusName>(["IN_PROGRESS", "ROLLING_BACK"]);
const UPCOMING: ReadonlySet<PlanStatusName> = new Set<PlanStatusName>(["DRAFT", "SCHEDULED"]);

const monthLabel = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * When a finished plan ran: its finish, else its start (a plan aborted before starting has
 * neither, and then the last change is the best we know).
 */
export function ranAt(plan: ArrangeablePlan): Date {
  return plan.finishedAt ?? plan.startedAt ?? plan.updatedAt;
}

/**
 * Orders the plans list: the ones running now first (longest running first), then the
 * upcoming ones by window start (those without a window after them, newest change first),
 * then the finished ones grouped by the month they ran, most recent first.
 */
export function arrangePlanList<P extends ArrangeablePlan>(plans: readonly P[]): ArrangedPlans<P> {
  const running = plans.filter((plan) => RUNNING.has(plan.status));
  const upcoming = plans.filter((plan) => UPCOMING.has(plan.status));
  const finished = plans.filter((plan) => FINISHED_STATUSES.has(plan.status));

  running.sort((a, b) => time(a.startedAt ?? a.updatedAt) - time(b.startedAt ?? b.updatedAt));
  upcoming.sort((a, b) => {
    if (a.windowStart && b.windowStart) return time(a.windowStart) - time(b.windowStart) || time(b.updatedAt) - time(a.updatedAt);
    if (a.windowStart) return -1;
    if (b.windowStart) return 1;
    return time(b.updatedAt) - time(a.updatedAt);
  });
  finished.sort((a, b) => time(ranAt(b)) - time(ranAt(a)));

  const groups: FinishedGroup<P>[] = [];
  for (const plan of finished) {
    const at = ranAt(plan);
    const key = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
    const last = groups.at(-1);
    if (last?.key === key) last.plans.push(plan);
    else groups.push({ key, label: monthLabel.format(at), plans: [plan] });
  }
  return { running, upcoming, finished: groups };
}

function time(date: Date): number {
  return date.getTime();
}
