import Link from "next/link";
import { EnvironmentBadge } from "@/components/plan/plan-header";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import { cardStyles } from "@/components/ui/styles";
import { NeedsYouLinks } from "@/components/needs-you/needs-you-links";
import { formatUtc } from "@/lib/dashboard/format-times";
import type { PlanNeedsYou } from "@/lib/needs-you/load-needs-you";
import { arrangePlanList, ranAt } from "@/lib/plans/arrange-plan-list";
import type { PlanSummary } from "@/lib/plans/list-plans";

type Waiting = ReadonlyMap<string, PlanNeedsYou>;

/**
 * The plans: running ones first, then the upcoming ones by window, then the finished ones
 * grouped by the month they ran, each with what waits for the viewer on it.
 */
export function PlanList({ plans, waiting = new Map() }: { plans: PlanSummary[]; waiting?: Waiting }) {
  const { running, upcoming, finished } = arrangePlanList(plans);
  return (
    <div className="space-y-8">
      {running.length ? (
        <PlanGroup id="plans-running" title="Running now">
          <Rows plans={running} waiting={waiting} when={(plan) => (plan.startedAt ? `Started ${formatUtc(plan.startedAt)}` : "Running")} />
        </PlanGroup>
      ) : null}
      {upcoming.length ? (
        <PlanGroup id="plans-upcoming" title="Upcoming">
          <Rows plans={upcoming} waiting={waiting} when={(plan) => (plan.windowStart ? `Window ${formatUtc(plan.windowStart)}` : "No window set yet")} />
        </PlanGroup>
      ) : null}
      {finished.length ? (
        <PlanGroup id="plans-finished" title="Finished">
          <div className="space-y-4">
            {finished.map((group) => (
              <section key={group.key} aria-labelledby={`plans-finished-${group.key}`}>
                <h3 id={`plans-finished-${group.key}`} className="mb-2 text-sm font-medium text-slate-600 dark:text-slate-400">
                  {group.label}
                </h3>
                <Rows plans={group.plans} waiting={waiting} when={(plan) => `Ran ${formatUtc(ranAt(plan))}`} />
              </section>
            ))}
          </div>
        </PlanGroup>
      ) : null}
    </div>
  );
}

function PlanGroup({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-lg font-semibold tracking-tight">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Rows({ plans, waiting, when }: { plans: PlanSummary[]; waiting: Waiting; when: (plan: PlanSummary) => string }) {
  return (
    <ul className={`${cardStyles} divide-y divide-slate-200 dark:divide-slate-800`}>
      {plans.map((plan) => (
        <li key={plan.id} data-plan-row={plan.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-2">
              <EnvironmentBadge environment={plan.environment} />
              <Link href={`/plans/${plan.id}`} className="truncate font-medium hover:underline">
                {plan.title}
              </Link>
            </div>
            <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
              {[plan.feature, plan.version ? `Version ${plan.version}` : null, plan.changeTicket].filter(Boolean).join(" · ")}
              {plan.feature || plan.version || plan.changeTicket ? " · " : null}
              <span data-testid="plan-when">{when(plan)}</span>
            </p>
            <NeedsYouLinks planId={plan.id} entries={waiting.get(plan.id)?.entries ?? []} className="mt-1" />
          </div>
          <div className="shrink-0">
            <PlanStatusPill status={plan.status} />
          </div>
        </li>
      ))}
    </ul>
  );
}
