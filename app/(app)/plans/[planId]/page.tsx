import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LivePlan } from "@/components/live/live-plan";
import { PlanHeader } from "@/components/plan/plan-header";
import { loadPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { gateStructureOf } from "@/lib/signoffs/live-gates";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

export async function generateMetadata({ params }: { params: Promise<{ planId: string }> }): Promise<Metadata> {
  const { plan } = await requirePlanForPage((await params).planId);
  return { title: plan.title };
}

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { user, plan } = await requirePlanForPage((await params).planId);
  const view = buildPlanView(plan);
  const [live, metrics] = await Promise.all([loadLiveState(plan.id), loadPlanMetrics(plan.id)]);
  if (!live) notFound();

  return (
    <main className="space-y-6">
      <PlanHeader plan={plan} />
      <LivePlan
        sections={liveStructureOf(view)}
        initial={live}
        gates={plan.gates.map(gateStructureOf)}
        viewer={{ id: user.id, isAdmin: user.role === "ADMIN" }}
        rollbackTriggers={view.rollbackTriggers}
        time={{ ...timelineStructureOf(plan), metrics }}
        aside={
          <>
            {view.rollbackTriggers.length ? (
              <section aria-labelledby="triggers-title">
                <h2 id="triggers-title" className="mb-2 text-sm font-semibold">
                  Rollback triggers
                </h2>
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  {view.rollbackTriggers.map((trigger) => (
                    <li key={trigger}>{trigger}</li>
                  ))}
                </ul>
              </section>
            ) : null}
            {view.contacts.length ? (
              <section aria-labelledby="contacts-title">
                <h2 id="contacts-title" className="mb-2 text-sm font-semibold">
                  Contacts
                </h2>
                <ol className="space-y-2 text-sm">
                  {view.contacts.map((contact, index) => (
                    <li key={index}>
                      <span className="font-medium">{contact.role}</span>
                      {contact.name ? ` — ${contact.name}` : ""}
                      {contact.phone || contact.email ? (
                        <span className="block text-xs text-slate-600 dark:text-slate-400">{[contact.email, contact.phone].filter(Boolean).join(" · ")}</span>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </>
        }
      />
    </main>
  );
}
