import Link from "next/link";
import { PlanStatusPill } from "@/components/plans/plan-status-pill";
import { cardStyles } from "@/components/ui/styles";
import { NeedsYouLinks } from "@/components/needs-you/needs-you-links";
import type { PlanNeedsYou } from "@/lib/needs-you/load-needs-you";
import type { PlanSummary } from "@/lib/plans/list-plans";

const updatedFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** The plans, each with what waits for the viewer on it (a signature, a decision). */
export function PlanList({ plans, waiting = new Map() }: { plans: PlanSummary[]; waiting?: ReadonlyMap<string, PlanNeedsYou> }) {
  return (
    <ul className={`${cardStyles} divide-y divide-slate-200 dark:divide-slate-800`}>
      {plans.map((plan) => (
        <li key={plan.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0">
            <Link href={`/plans/${plan.id}`} className="block truncate font-medium hover:underline">
              {plan.title}
            </Link>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {[plan.environment, plan.version].filter(Boolean).join(" · ") || "No environment set"} · updated{" "}
              <time dateTime={plan.updatedAt.toISOString()}>{updatedFormat.format(plan.updatedAt)} UTC</time>
            </p>
            <NeedsYouLinks planId={plan.id} entries={waiting.get(plan.id)?.entries ?? []} className="mt-1" />
          </div>
          <PlanStatusPill status={plan.status} />
        </li>
      ))}
    </ul>
  );
}
