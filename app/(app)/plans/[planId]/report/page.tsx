import type { Metadata } from "next";
import Link from "next/link";
import { itemStatusLabel } from "@/components/plan/item-status-badge";
import { itemDoneOutsideTarget } from "@/lib/plans/outside-target";
import { PlanMetricsSummary } from "@/components/metrics/plan-metrics-summary";
import { PrintButton } from "@/components/report/print-button";
import { loadPlanMetrics } from "@/lib/metrics/record-plan-metrics";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { buildPlanView } from "@/lib/plans/plan-view";
import { gateStatusesByDocumentKey } from "@/lib/signoffs/plan-gate-statuses";
import { db } from "@/lib/db";
import { describeOverride, isLateSignature, type GateBlocksName } from "@/lib/signoffs/gate-blocks";
import { loadGateOverrides } from "@/lib/signoffs/read-overrides";

export const metadata: Metadata = { title: "Plan report" };

const GATE_STATE = { satisfied: "satisfied", pending: "pending", rejected: "rejected" } as const;

const whenFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One printable document of the plan: metadata, progress, timeline, sign-offs, rollback, notes. */
export default async function PlanReportPage({ params }: { params: Promise<{ planId: string }> }) {
  const { plan } = await requirePlanForPage((await params).planId);
  const view = buildPlanView(plan);
  const [gateStatuses, metrics, overrides] = await Promise.all([gateStatusesByDocumentKey(plan), loadPlanMetrics(plan.id), loadGateOverrides(db(), plan.id)]);
  const run = { status: plan.status, startedAt: plan.startedAt?.toISOString() ?? null, finishedAt: plan.finishedAt?.toISOString() ?? null };
  const late = (blocks: string, signature: { at: string }) => isLateSignature(blocks as GateBlocksName, signature, run);
  const timeline = view.document?.tables.flatMap((table) => (table.kind === "timeline" ? table.rows : [])) ?? [];
  const metadata: [string, string | null][] = [
    ["Feature", plan.feature],
    ["Version", plan.version],
    ["Environment", plan.environment],
    ["Strategy", plan.strategy?.toLowerCase().replace("_", "-") ?? null],
    ["Window", plan.windowStartText],
    ["Estimated duration", plan.estimatedDuration],
    ["Expected downtime", plan.expectedDowntime],
    ["Risk level", plan.riskLevel],
    ["Deploy lead", plan.deployLead],
    ["Status", plan.status.replace("_", " ").toLowerCase()],
  ];

  return (
    <main className="mx-auto max-w-3xl space-y-8 bg-white p-6 text-slate-900 print:max-w-none print:p-0 dark:bg-slate-900 dark:text-slate-100 print:dark:bg-white print:dark:text-slate-900">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">Deployment report · generated {whenFormat.format(new Date())} UTC</p>
          <h1 className="mt-1 text-2xl font-semibold">{plan.title}</h1>
        </div>
        <div className="flex gap-2 print:hidden">
          <Link href={`/plans/${plan.id}`} className="text-sm underline">
            Back to plan
          </Link>
          <PrintButton />
        </div>
      </div>

      <section aria-labelledby="report-metadata">
        <h2 id="report-metadata" className="mb-2 text-lg font-semibold">Summary</h2>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          {metadata.filter(([, value]) => value).map(([label, value]) => (
            <div key={label} className="flex justify-between gap-3 border-b border-slate-100 py-1 dark:border-slate-800">
              <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="text-right font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-sm">
          Progress: {view.progress.required.settled} of {view.progress.required.total} required items settled ({view.progress.percent}%)
          {view.progress.optional.total ? `, ${view.progress.optional.settled} of ${view.progress.optional.total} optional` : ""}
          {view.progress.failed ? `, ${view.progress.failed} failed` : ""}.
        </p>
        {view.run.rollback ? (
          <p className="mt-1 text-sm">
            Rollback procedure: {view.run.rollback.required.settled} of {view.run.rollback.required.total} required steps settled ({view.run.rollback.percent}%).
          </p>
        ) : null}
        {view.run.failedItems.length ? <p className="mt-1 text-sm">Failed: {view.run.failedItems.map((item) => `“${item.text}”`).join(", ")}.</p> : null}
      </section>

      <div className="break-inside-avoid">
        <PlanMetricsSummary metrics={metrics} timeZone={plan.windowTimeZone ?? "UTC"} />
      </div>

      {timeline.length ? (
        <section aria-labelledby="report-timeline" className="break-inside-avoid">
          <h2 id="report-timeline" className="mb-2 text-lg font-semibold">Timeline</h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th className="py-1 pr-3">When</th>
                <th className="py-1 pr-3">Activity</th>
                <th className="py-1 pr-3">Duration</th>
                <th className="py-1">Owner</th>
              </tr>
            </thead>
            <tbody>
              {timeline.map((row, index) => (
                <tr key={index} className="border-b border-slate-100 dark:border-slate-800">
                  <td className="py-1 pr-3">{row.offset?.raw ?? row.time}</td>
                  <td className="py-1 pr-3">{row.activity}</td>
                  <td className="py-1 pr-3">{row.duration}</td>
                  <td className="py-1">{row.owner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="report-checklist">
        <h2 id="report-checklist" className="mb-2 text-lg font-semibold">Checklist</h2>
        {view.sections.map((section) => (
          <div key={section.row.id} className="mb-4 break-inside-avoid">
            <h3 className="text-sm font-semibold">
              {section.row.title}
              {section.row.offsetLabel ? ` (${section.row.offsetLabel})` : ""}
              {section.row.isRollback ? " — rollback" : ""}
            </h3>
            <ul className="mt-1 space-y-0.5 text-sm">
              {section.items.map(({ row, depth }) => (
                <li key={row.id} style={{ paddingLeft: `${depth * 1.25}rem` }} data-outside-target={itemDoneOutsideTarget(row.metric, row) ? "true" : undefined}>
                  <span className={`inline-block w-28 text-xs font-medium ${itemDoneOutsideTarget(row.metric, row) ? "text-amber-800 dark:text-amber-300" : ""}`}>
                    {itemStatusLabel(row.status, itemDoneOutsideTarget(row.metric, row))}
                  </span>
                  {row.text}
                  {row.measuredValue !== null ? ` — measured ${row.measuredValue}` : ""}
                  {row.statusNote ? ` — ${row.statusNote}` : ""}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="report-signoffs" className="break-inside-avoid">
        <h2 id="report-signoffs" className="mb-2 text-lg font-semibold">Sign-offs</h2>
        {overrides.length ? (
          <ul aria-label="Sign-off overrides" className="mb-3 space-y-1 text-sm">
            {overrides.map((override) => (
              <li key={override.id} className="rounded bg-amber-50 px-2 py-1 text-amber-900 print:bg-transparent dark:bg-amber-950 dark:text-amber-100">
                {describeOverride(override)} ({override.byName}, {whenFormat.format(new Date(override.at))} UTC)
              </li>
            ))}
          </ul>
        ) : null}
        {plan.gates.length ? (
          <ul className="space-y-2 text-sm">
            {plan.gates.map((gate) => {
              const status = gateStatuses.get(gate.documentKey);
              return (
                <li key={gate.id}>
                  <span className="font-medium">{gate.title}</span> — {status ? GATE_STATE[status.state] : "pending"} (holds back {gate.blocks === "START" ? "Start" : "Complete"})
                  {gate.kind === "GO_NO_GO" ? (
                    <span className="block">
                      Decision ({gate.decisionMakerRole ?? "lead"}):{" "}
                      {status?.decision
                        ? `${status.decision.decision.replace("_", "-")} by ${status.decision.userName}, ${whenFormat.format(new Date(status.decision.at))} UTC${status.decision.comment ? ` — “${status.decision.comment}”` : ""}${status.decision.stale ? " (stale)" : ""}`
                        : "not decided"}
                    </span>
                  ) : null}
                  <ul className="ml-4 list-disc">
                    {(status?.roles ?? gate.roles.map((role) => ({ title: role.title, state: "pending" as const, approvals: [], rejections: [], stale: [] }))).map((role) => (
                      <li key={role.title}>
                        {role.title}: {role.state}
                        {[...role.approvals, ...role.rejections, ...role.stale].map((signature) => (
                          <span key={signature.id} className="block">
                            {signature.decision === "REJECT" ? "Rejected" : "Approved"} by {signature.userName}, {whenFormat.format(new Date(signature.at))} UTC
                            {signature.comment ? ` — “${signature.comment}”` : ""}
                            {signature.stale ? " (stale: the checklist changed after signing)" : ""}
                            {late(gate.blocks, signature) ? " (late: given after the action this gate holds back)" : ""}
                          </span>
                        ))}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm">No sign-off gates.</p>
        )}
      </section>

      {view.rollbackTriggers.length ? (
        <section aria-labelledby="report-rollback" className="break-inside-avoid">
          <h2 id="report-rollback" className="mb-2 text-lg font-semibold">Rollback triggers</h2>
          <ul className="list-disc pl-5 text-sm">
            {view.rollbackTriggers.map((trigger) => (
              <li key={trigger}>{trigger}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.document?.overview || view.document?.notes ? (
        <section aria-labelledby="report-notes">
          <h2 id="report-notes" className="mb-2 text-lg font-semibold">Notes</h2>
          <p className="whitespace-pre-line text-sm">{[view.document.overview, view.document.notes].filter(Boolean).join("\n\n")}</p>
        </section>
      ) : null}
    </main>
  );
}
