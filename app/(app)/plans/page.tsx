import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/styles";
import { PlanList } from "@/components/plans/plan-list";
import { PlansEmptyState } from "@/components/plans/plans-empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { loadNeedsYou } from "@/lib/needs-you/load-needs-you";
import { listPlansForUser } from "@/lib/plans/list-plans";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage() {
  const user = await requireUser();
  const [plans, waiting] = await Promise.all([listPlansForUser(user), loadNeedsYou(user.id)]);
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
      {plans.length ? <PlanList plans={plans} waiting={waiting} /> : <PlansEmptyState />}
    </main>
  );
}
