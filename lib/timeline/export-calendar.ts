import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { getPlanForUser } from "@/lib/plans/get-plan";
import { planCalendar } from "@/lib/time/plan-calendar";
import { timelineOfLiveState } from "@/lib/timeline/live-timeline";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

const MINUTE = 60_000;

/** The plan's window, phases and monitoring checks as an .ics file, for a member of the plan. */
export async function exportPlanCalendar(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }, origin: string): Promise<{ fileName: string; ics: string }> {
  const plan = await getPlanForUser(planId, user);
  const [live, checks] = await Promise.all([loadLiveState(plan.id), db().monitoringCheck.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" } })]);
  if (!live) throw new AppError("not_found", "This plan does not exist, or you cannot see it.");
  const { phases, schedule } = timelineStructureOf(plan);
  const timeline = timelineOfLiveState(live, phases, schedule, Date.now());
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
