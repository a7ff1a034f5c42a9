import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BigScreen } from "@/components/live/big-screen";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { getSharedPlan } from "@/lib/share/get-shared-plan";
import { redactSectionsForShare, sharePolicyOf } from "@/lib/share/redact-for-share";
import { loadSharedLiveState } from "@/lib/share/shared-live-state";
import { gateStructureOf } from "@/lib/signoffs/live-gates";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

export const metadata: Metadata = { title: "Shared plan", robots: { index: false, follow: false } };

/** A read-only, live view of one plan for stakeholders without an account. */
export default async function SharedPlanPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const plan = await getSharedPlan(token);
  // Everything handed to the page passes through lib/share/redact-for-share.ts: it reaches the browser.
  const live = plan ? await loadSharedLiveState(plan.id) : null;
  // An unknown or revoked token is a 404, with a page that says what to do (not-found.tsx).
  if (!plan || !live) notFound();
  const sections = redactSectionsForShare(liveStructureOf(buildPlanView(plan)), sharePolicyOf(live.settings));
  return <BigScreen title={plan.title} environment={plan.environment} sections={sections} initial={live} gates={plan.gates.map(gateStructureOf)}
      phases={timelineStructureOf(plan).phases} shareToken={token} />;
}
