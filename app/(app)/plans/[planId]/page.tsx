import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LivePlan } from "@/components/live/live-plan";
import { PlanContentBlocks } from "@/components/plan/plan-content-blocks";
import { NeedsYouPhoneBar, NeedsYouProvider } from "@/components/needs-you/needs-you-context";
import { PlanHeader } from "@/components/plan/plan-header";
import { loadNeedsYou } from "@/lib/needs-you/load-needs-you";
import { loadPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { buildPlanView, liveStructureOf } from "@/lib/plans/plan-view";
import { editorDocumentParts } from "@/lib/document-parts/editor-parts";
import { gateStructureOf } from "@/lib/signoffs/live-gates";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";
import { rollbackHoldChecks } from "@/lib/time/rollback-monitoring";
import { monitoringSchedule } from "@/lib/time/monitoring-schedule";
import { StatusUpdatePanel } from "@/components/status-updates/status-update-panel";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { subscriptionSummary } from "@/lib/status-updates/subscribers";

export async function generateMetadata({ params }: { params: Promise<{ planId: string }> }): Promise<Metadata> {
  const { plan } = await requirePlanForPage((await params).planId);
  return { title: plan.title };
}

export default async function PlanPage({ params }: { params: Promise<{ planId: string }> }) {
  const { user, plan } = await requirePlanForPage((await params).planId);
  const view = buildPlanView(plan);
  const [live, metrics, waiting] = await Promise.all([loadLiveState(plan.id), loadPlanMetrics(plan.id), loadNeedsYou(user.id, { planIds: [plan.id] })]);
  const subscription = await subscriptionSummary(plan.id, user.id);
  const planMessages = planDocumentSchema.safeParse(plan.document).data?.commsTemplates.map((message) => ({ name: message.name, body: message.body })) ?? [];
  if (!live) notFound();

  return (
    <NeedsYouProvider initial={waiting.get(plan.id)?.entries ?? []}>
      <main className="space-y-6 pb-16 sm:pb-0">
        <PlanHeader plan={plan} />
        <LivePlan
          sections={liveStructureOf(view)}
          initial={live}
          gates={plan.gates.map(gateStructureOf)}
          viewer={{ id: user.id, isAdmin: user.role === "ADMIN" }}
          rollbackTriggers={view.rollbackTriggers}
          monitoringChecks={{
            onFinish: view.document ? monitoringSchedule(view.document).length : 0,
            onRollback: plan.monitorAfterRollback ? rollbackHoldChecks(view.document).length : 0,
          }}
          documentContent={view.content}
          documentParts={editorDocumentParts(view.document, plan.gates)}
          time={{ ...timelineStructureOf(plan), metrics }}
          aside={
            <>
              <StatusUpdatePanel
                planId={plan.id}
                isLead={plan.members[0]?.role === "LEAD"}
                messages={planMessages}
                subscribed={subscription.subscribed}
                subscriberCount={subscription.subscriberCount}
                settings={{ updateReminderMinutes: plan.updateReminderMinutes, autoUpdateOnStart: plan.autoUpdateOnStart, autoUpdateOnComplete: plan.autoUpdateOnComplete, autoUpdateOnRollback: plan.autoUpdateOnRollback }}
              />
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
                  <PlanContentBlocks blocks={[{ kind: "contacts", rows: view.contacts }]} />
                </section>
              ) : null}
            </>
          }
        />
        <NeedsYouPhoneBar />
      </main>
    </NeedsYouProvider>
  );
}
