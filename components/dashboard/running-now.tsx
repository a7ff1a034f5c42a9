import { DashboardSection, SectionEmpty } from "@/components/dashboard/dashboard-section";
import { PlanRow } from "@/components/dashboard/plan-row";
import { formatUtc, relativeTime } from "@/lib/dashboard/format-times";
import type { RunningPlan } from "@/lib/dashboard/list-running-plans";

export function RunningNow({ plans, now, filtered }: { plans: RunningPlan[]; now: Date; filtered: boolean }) {
  return (
    <DashboardSection id="running-now" title="Running now" aside={plans.length ? `${plans.length} running` : null}>
      {plans.length ? (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {plans.map((plan) => (
            <PlanRow key={plan.id} plan={plan}>
              <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                  {plan.deployLead ? `Lead: ${plan.deployLead}` : "No lead named"}
                  {plan.startedAt ? (
                    <>
                      {" · started "}
                      <time dateTime={plan.startedAt}>{formatUtc(new Date(plan.startedAt))}</time> ({relativeTime(new Date(plan.startedAt), now)})
                    </>
                  ) : null}
                </p>
            </PlanRow>
          ))}
        </ul>
      ) : (
        <SectionEmpty>
          {filtered ? "No running plan matches these filters." : "Nothing is running. A plan shows here, live, as soon as its lead starts it."}
        </SectionEmpty>
      )}
    </DashboardSection>
  );
}
