import { Undo2 } from "lucide-react";
import Link from "next/link";
import { DashboardSection, SectionEmpty } from "@/components/dashboard/dashboard-section";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import { compareWithPlan, formatDuration, formatMinutes } from "@/lib/dashboard/format-figures";
import { formatUtc } from "@/lib/dashboard/format-times";
import type { FinishedPlan } from "@/lib/dashboard/list-recently-finished";

const cell = "px-4 py-2 align-top";
const headerCell = "px-4 py-2 text-left text-xs font-medium text-slate-600 dark:text-slate-400";

export function RecentlyFinished({ plans, filtered }: { plans: FinishedPlan[]; filtered: boolean }) {
  return (
    <DashboardSection id="recently-finished" title="Recently finished" aside={plans.length ? `Last ${plans.length}` : null}>
      {plans.length ? (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[44rem] text-sm">
            <caption className="sr-only">The last plans to finish, with their duration, downtime and whether they rolled back</caption>
            <thead className="border-b border-slate-200 dark:border-slate-800">
              <tr>
                <th scope="col" className={headerCell}>Plan</th>
                <th scope="col" className={headerCell}>Finished</th>
                <th scope="col" className={headerCell}>Duration / planned</th>
                <th scope="col" className={headerCell}>Downtime / expected</th>
                <th scope="col" className={headerCell}>Rolled back</th>
                <th scope="col" className={headerCell}>Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {plans.map((plan) => (
                <tr key={plan.id}>
                  <td className={cell}>
                    <Link href={`/plans/${plan.id}`} className="font-medium hover:underline">
                      {plan.title}
                    </Link>
                    <p className="text-xs text-slate-600 dark:text-slate-400">{[plan.environment, plan.deployLead].filter(Boolean).join(" · ") || "No environment set"}</p>
                  </td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <time dateTime={plan.finishedAt}>{formatUtc(new Date(plan.finishedAt))}</time>
                  </td>
                  <td className={cell}>
                    <AgainstPlan actualSeconds={plan.durationSeconds} plannedMinutes={plan.plannedDurationMinutes} nothingPlanned="none planned" />
                  </td>
                  <td className={cell}>
                    <AgainstPlan actualSeconds={plan.downtimeSeconds} plannedMinutes={plan.expectedDowntimeMinutes} nothingPlanned="none expected" />
                  </td>
                  <td className={cell}>
                    {plan.rolledBack ? (
                      <span className="inline-flex items-center gap-1 font-medium text-orange-800 dark:text-orange-300">
                        <Undo2 aria-hidden className="size-4" /> Yes
                      </span>
                    ) : (
                      "No"
                    )}
                  </td>
                  <td className={cell}>
                    <PlanStatusPill status={plan.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <SectionEmpty>
          {filtered ? "No finished plan matches these filters." : "No plan has finished yet. Completed, rolled-back and aborted plans are listed here with their figures."}
        </SectionEmpty>
      )}
    </DashboardSection>
  );
}

function AgainstPlan({ actualSeconds, plannedMinutes, nothingPlanned }: { actualSeconds: number | null; plannedMinutes: number | null; nothingPlanned: string }) {
  const comparison = compareWithPlan(actualSeconds, plannedMinutes);
  return (
    <>
      <span className="whitespace-nowrap">
        {actualSeconds === null ? "Not recorded" : formatDuration(actualSeconds)}
        <span className="text-slate-600 dark:text-slate-400"> / {plannedMinutes === null ? nothingPlanned : formatMinutes(plannedMinutes)}</span>
      </span>
      {comparison ? <p className={`text-xs ${comparison.endsWith("over") ? "font-medium text-amber-800 dark:text-amber-300" : "text-slate-600 dark:text-slate-400"}`}>{comparison}</p> : null}
    </>
  );
}
