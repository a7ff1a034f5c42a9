import Link from "next/link";
import { EnvironmentBadge } from "@/components/plan/plan-header";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

/** One plan in a dashboard list: environment, linked title, the list's own details, status. */
export function PlanRow({ plan, children }: { plan: { id: string; title: string; environment: string | null; status: PlanStatusName }; children: React.ReactNode }) {
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <EnvironmentBadge environment={plan.environment} />
          <Link href={`/plans/${plan.id}`} className="truncate font-medium hover:underline">
            {plan.title}
          </Link>
        </div>
        {children}
      </div>
      <div className="shrink-0">
        <PlanStatusPill status={plan.status} />
      </div>
    </li>
  );
}
