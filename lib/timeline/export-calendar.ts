import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { getPlanForUser } from "@/lib/plans/get-plan";
import { planCalendar } from "@/lib/time/plan-calendar";
import { planTimeline } from "@/lib/timeline/plan-timeline";
import { loadItemSpans, timelineStructureOf } from "@/lib/timeline/timeline-source";

const MINUTE = 60_000;

/** The plan's window, phases and monitoring checks as an .ics file, for a member of the plan. */
export async function exportPlanCalendar(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }, origin: string): Promise<{ fileName: string; ics: string }> {
  const plan = await getPlanForUser(planId, user);
  const [spans, checks] = await Promise.all([loadItemSpans(db(), plan.id), db().monitoringCheck.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } })]);
  const { phases, schedule } = timelineStructureOf(plan);
  const status = new Map(plan.items.map((item) => [item.id, item.status]));
  const timeline = planTimeline({
    phases,
    schedule,
    status: plan.status as PlanStatusName,
    windowStart: plan.windowStart?.getTime() ?? null,
    startedAt: plan.startedAt?.getTime() ?? null,
    finishedAt: plan.finishedAt?.getTime() ?? null,
    expectedDurationMinutes: plan.expectedDurationMinutes,
    itemStatus: (id) => status.get(id) ?? "PENDING",
    itemSpans: spans,
    now: Date.now(),
  });
  if (timeline.tZero === null) throw new AppError("conflict", "This plan has no scheduled window yet; set its start on the timeline page first.");
  const end = timeline.estimatedFinish ?? timeline.plannedFinish ?? timeline.tZero + 60 * MINUTE;
  const ics = planCalendar({
    planId: plan.id,
    title: plan.title,
    url: `${origin}/plans/${plan.id}`,
    timeZone: plan.windowTimeZone ?? "UTC",
    window: { start: new Date(timeline.tZero), end: new Date(Math.max(end, timeline.tZero + MINUTE)) },
    phases: [
      ...timeline.phases.map((phase) => ({ key: phase.id, title: phase.title, start: new Date(phase.plannedStart), end: new Date(phase.plannedEnd) })),
      ...timeline.schedule.map((row) => ({ key: row.key, title: row.activity, start: new Date(row.plannedStart), end: new Date(Math.max(row.plannedEnd, row.plannedStart + 5 * MINUTE)) })),
    ],
    checks: checks.map((check) => ({ key: `check-${check.position}`, label: check.label, dueAt: check.dueAt })),
    description: [plan.environment, plan.version].filter(Boolean).join(" · ") || undefined,
  });
  const slug = plan.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "plan";
  return { fileName: `${slug}.ics`, ics };
}
