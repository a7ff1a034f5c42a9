import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BigScreen } from "@/components/live/big-screen";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { getSharedPlan } from "@/lib/share/get-shared-plan";
import { sharedSections } from "@/lib/share/shared-sections";
import { gateStructureOf } from "@/lib/signoffs/live-gates";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

export const metadata: Metadata = { title: "Shared plan", robots: { index: false, follow: false } };

/** A read-only, live view of one plan for stakeholders without an account. */
export default async function SharedPlanPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const plan = await getSharedPlan(token);
  const live = plan ? await loadLiveState(plan.id) : null;
  // An unknown or revoked token is a 404, with a page that says what to do (not-found.tsx).
  if (!plan || !live) notFound();
  const sections = sharedSections(liveStructureOf(buildPlanView(plan)), plan.hideCommandsInShare);
  return <BigScreen title={plan.title} environment={plan.environment} sections={sections} initial={live} gates={plan.gates.map(gateStructureOf)}
      phases={timelineStructureOf(plan).phases} shareToken={token} />;
}
