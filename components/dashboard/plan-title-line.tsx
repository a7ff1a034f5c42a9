import Link from "next/link";
import { EnvironmentBadge } from "@/components/plan/plan-header";

/** A plan's environment badge and linked title, as each dashboard list starts its rows. */
export function PlanTitleLine({ plan }: { plan: { id: string; title: string; environment: string | null } }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <EnvironmentBadge environment={plan.environment} />
      <Link href={`/plans/${plan.id}`} className="truncate font-medium hover:underline">
        {plan.title}
      </Link>
    </div>
  );
}
