import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/styles";
import { PlanList } from "@/components/plans/plan-list";
import { PlanSearchForm } from "@/components/plans/plan-search-form";
import { PlansEmptyState } from "@/components/plans/plans-empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { loadNeedsYou } from "@/lib/needs-you/load-needs-you";
import { listPlanEnvironments, listPlansForUser } from "@/lib/plans/list-plans";
import { parsePlanListQuery } from "@/lib/plans/plan-list-query";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = parsePlanListQuery(await searchParams);
  const filtered = Boolean(query.search || query.environment);
  const [plans, environments, waiting] = await Promise.all([listPlansForUser(user, query), listPlanEnvironments(user), loadNeedsYou(user.id)]);
  return (
    <main>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Plans</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Deployment plans you can run or watch.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/templates" className={buttonStyles.secondary}>
            New from template
          </Link>
          <Link href="/plans/import" className={buttonStyles.primary}>
            Import a plan
          </Link>
        </div>
      </div>
      {plans.length || filtered ? <PlanSearchForm query={query} environments={environments} /> : null}
      {plans.length ? (
        <PlanList plans={plans} waiting={waiting} />
      ) : filtered ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          No plan matches this search. <Link href="/plans" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">Show every plan</Link>.
        </p>
      ) : (
        <PlansEmptyState />
      )}
    </main>
  );
}
