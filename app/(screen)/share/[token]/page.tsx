import type { Metadata } from "next";
import { BigScreen } from "@/components/live/big-screen";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { getSharedPlan } from "@/lib/share/get-shared-plan";
import { shareSnapshot } from "@/lib/share/share-snapshot";
import { gateStructureOf } from "@/lib/signoffs/live-gates";

export const metadata: Metadata = { title: "Shared plan", robots: { index: false, follow: false } };

/** A read-only, live view of one plan for stakeholders without an account. */
export default async function SharedPlanPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const plan = await getSharedPlan(token);
  const live = plan ? await loadLiveState(plan.id) : null;
  if (!plan || !live) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <h1 className="text-xl font-semibold">This link does not work any more</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">It may have been revoked. Ask the plan&apos;s lead for a new link.</p>
      </main>
    );
  }
  const sections = liveStructureOf(buildPlanView(plan)).map((section) =>
    plan.hideCommandsInShare ? { ...section, commands: [], items: section.items.map((item) => ({ ...item, commands: [] })) } : section,
  );
  return <BigScreen title={plan.title} environment={plan.environment} sections={sections} initial={shareSnapshot(live)} gates={plan.gates.map(gateStructureOf)} shareToken={token} />;
}
