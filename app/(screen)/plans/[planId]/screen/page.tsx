import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BigScreen } from "@/components/live/big-screen";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { gateStructureOf } from "@/lib/signoffs/live-gates";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

export const metadata: Metadata = { title: "Big screen" };

export default async function BigScreenPage({ params }: { params: Promise<{ planId: string }> }) {
  const { plan } = await requirePlanForPage((await params).planId);
  const live = await loadLiveState(plan.id);
  if (!live) notFound();
  return (
    <BigScreen
      title={plan.title}
      environment={plan.environment}
      sections={liveStructureOf(buildPlanView(plan))}
      initial={live}
      gates={plan.gates.map(gateStructureOf)}
      phases={timelineStructureOf(plan).phases}
    />
  );
}
