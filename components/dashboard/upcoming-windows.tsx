import Link from "next/link";
import { CalendarClock } from "lucide-react";
import { DashboardSection, SectionEmpty } from "@/components/dashboard/dashboard-section";
import { PlanRow } from "@/components/dashboard/plan-row";
import { formatInTimeZone, formatUtc, relativeTime } from "@/lib/dashboard/format-times";
import type { UpcomingPlan } from "@/lib/dashboard/list-upcoming-windows";

export function UpcomingWindows({ plans, now, filtered }: { plans: UpcomingPlan[]; now: Date; filtered: boolean }) {
  return (
    <DashboardSection id="upcoming-windows" title="Upcoming windows">
      {plans.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan}>
              <PlanFacts plan={plan} />
              <WindowTime plan={plan} now={now} />
            </PlanRow>
          ))}
        </ul>
      ) : (
        <SectionEmpty>
          {filtered ? (
            "No plan waiting to start matches these filters."
          ) : (
            <>
              No plans are waiting to start. <Link href="/plans/import" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">Import a plan</Link> or{" "}
              <Link href="/templates" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">start one from a template</Link> and give it a window.
            </>
          )}
        </SectionEmpty>
      )}
    </DashboardSection>
  );
}

function PlanFacts({ plan }: { plan: UpcomingPlan }) {
  const facts = [plan.version ? `Version ${plan.version}` : null, plan.deployLead ? `Lead: ${plan.deployLead}` : null].filter(Boolean);
  return facts.length ? <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{facts.join(" · ")}</p> : null;
}

function WindowTime({ plan, now }: { plan: UpcomingPlan; now: Date }) {
  if (!plan.windowStart) return <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No window set</p>;
  const start = new Date(plan.windowStart);
  const local = formatInTimeZone(start, plan.windowTimeZone);
  const missed = start.getTime() < now.getTime();
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm">
      <CalendarClock aria-hidden className="size-4 shrink-0 text-slate-500" />
      <time dateTime={plan.windowStart} title={formatUtc(start)}>
        {local.text} <span className="text-slate-600 dark:text-slate-400">{local.timeZone}</span>
      </time>
      {missed ? (
        <span className="font-medium text-amber-800 dark:text-amber-300">window opened {relativeTime(start, now)}, not started</span>
      ) : (
        <span className="font-medium">{relativeTime(start, now)}</span>
      )}
    </p>
  );
}
