import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveGate } from "@/components/signoffs/live-gate";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { gateStructureOf } from "@/lib/signoffs/live-gates";

const KIND_LABEL = { GO_NO_GO: "Go/No-Go decision", PRE_DEPLOYMENT: "Pre-deployment sign-off", POST_DEPLOYMENT: "Post-deployment sign-off", CUSTOM: "Sign-off" } as const;

async function requireGate(params: Promise<{ planId: string; gateId: string }>) {
  const { planId, gateId } = await params;
  // The plan page's access check: a plan the viewer may not see is a 404, like one that does not exist.
  const { user, plan } = await requirePlanForPage(planId);
  const gate = plan.gates.find((candidate) => candidate.id === gateId);
  if (!gate) notFound();
  return { user, plan, gate };
}

export async function generateMetadata({ params }: { params: Promise<{ planId: string; gateId: string }> }): Promise<Metadata> {
  const { plan, gate } = await requireGate(params);
  return { title: `${gate.title} · ${plan.title}` };
}

/** One gate on a page of its own: where a sign-off request email leads. */
export default async function GatePage({ params }: { params: Promise<{ planId: string; gateId: string }> }) {
  const { user, plan, gate } = await requireGate(params);
  const live = await loadLiveState(plan.id);
  if (!live) notFound();
  const required = new Set(live.gates[gate.id]?.requiredItemIds ?? gate.requiredItemIds);
  const requiredItems = plan.items.filter((item) => required.has(item.id)).map((item) => ({ id: item.id, text: item.text }));

  return (
    <main className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href={`/plans/${plan.id}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          ← {plan.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{gate.title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">{KIND_LABEL[gate.kind]}</p>
      </div>
      <LiveGate initial={live} gate={gateStructureOf(gate)} viewer={{ id: user.id }} requiredItems={requiredItems} />
    </main>
  );
}
