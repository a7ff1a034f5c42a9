import { ChartGantt, Download, History, Printer, Tv, Users } from "lucide-react";
import Link from "next/link";
import { NeedsYouHeaderNotice } from "@/components/needs-you/needs-you-context";
import { buttonStyles } from "@/components/ui/styles";
import { LiveHeaderFacts, LivePlanTitle } from "@/components/plan/live-header-facts";
import type { PlanWithStructure } from "@/lib/plans/get-plan";

export function EnvironmentBadge({ environment }: { environment: string | null }) {
  if (!environment) return null;
  const production = /prod/i.test(environment);
  return (
    <span
      className={`rounded-md px-2 py-0.5 text-xs font-semibold uppercase tracking-wide ${
        production ? "bg-red-600 text-white dark:bg-red-700" : "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"
      }`}
    >
      {environment}
    </span>
  );
}

/** Title, environment, version and the plan's facts; the live status and progress sit below it. */
export function PlanHeader({ plan }: { plan: PlanWithStructure }) {
  const before = [
    plan.version ? `Version ${plan.version}` : null,
    plan.strategy ? `Strategy: ${plan.strategy.toLowerCase().replace("_", "-")}` : null,
    plan.deployLead ? `Lead: ${plan.deployLead}` : null,
    plan.changeTicket ? `Change ticket: ${plan.changeTicket}` : null,
  ].filter((fact) => fact !== null);
  const after = [
    plan.expectedDowntimeMinutes !== null ? `Downtime: ${plan.expectedDowntimeMinutes ? `up to ${plan.expectedDowntimeMinutes} min` : "none"}` : plan.expectedDowntime ? `Downtime: ${plan.expectedDowntime}` : null,
  ].filter((fact) => fact !== null);
  const window = { windowStart: plan.windowStart?.toISOString() ?? null, timeZone: plan.windowTimeZone ?? "UTC", windowStartText: plan.windowStartText, expectedDurationMinutes: plan.expectedDurationMinutes };
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <EnvironmentBadge environment={plan.environment} />
          </div>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">
            <LivePlanTitle planId={plan.id} title={plan.title} />
          </h1>
          <LiveHeaderFacts planId={plan.id} before={before} window={window} after={after} />
          <NeedsYouHeaderNotice planId={plan.id} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/plans/${plan.id}/members`} className={buttonStyles.secondary}>
            <Users aria-hidden className="size-4" /> People and sharing
          </Link>
          <Link href={`/plans/${plan.id}/timeline`} className={buttonStyles.secondary}>
            <ChartGantt aria-hidden className="size-4" /> Timeline
          </Link>
          <Link href={`/plans/${plan.id}/screen`} className={buttonStyles.secondary}>
            <Tv aria-hidden className="size-4" /> Big screen
          </Link>
          <a href={`/api/plans/${plan.id}/export`} className={buttonStyles.secondary} download>
            <Download aria-hidden className="size-4" /> Export Markdown
          </a>
          <Link href={`/plans/${plan.id}/report`} className={buttonStyles.secondary}>
            <Printer aria-hidden className="size-4" /> Report
          </Link>
          <Link href={`/plans/${plan.id}/changes`} className={buttonStyles.secondary}>
            <History aria-hidden className="size-4" /> Changes
          </Link>
        </div>
      </div>
    </header>
  );
}
