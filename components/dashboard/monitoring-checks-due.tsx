import { AlertTriangle, Clock } from "lucide-react";
import Link from "next/link";
import { DashboardSection, SectionEmpty } from "@/components/dashboard/dashboard-section";
import { formatUtc, relativeTime } from "@/lib/dashboard/format-times";
import type { DueChecks } from "@/lib/dashboard/list-due-checks";

export function MonitoringChecksDue({ due, now, filtered }: { due: DueChecks; now: Date; filtered: boolean }) {
  const overdue = due.checks.filter((check) => check.overdue).length;
  // Overdue checks sort first, so the shown ones hold them all unless every shown check is overdue.
  const moreOverdue = overdue === due.checks.length && due.total > due.checks.length;
  const summary = due.total ? `${due.total} due${overdue ? ` · ${overdue}${moreOverdue ? "+" : ""} overdue` : ""}` : null;
  return (
    <DashboardSection id="monitoring-checks-due" title="Monitoring checks due" aside={summary}>
      {due.checks.length ? (
        <>
          <ul className="divide-y divide-slate-200 dark:divide-slate-800">
            {due.checks.map((check) => (
              <li key={check.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium">{check.label}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    <Link href={`/plans/${check.plan.id}`} className="hover:underline">
                      {check.plan.title}
                    </Link>
                    {check.plan.environment ? ` · ${check.plan.environment}` : null}
                  </p>
                </div>
                <p className="flex shrink-0 items-center gap-2 text-sm">
                  {check.overdue ? (
                    <span className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800">
                      <AlertTriangle aria-hidden className="size-3.5" /> Overdue
                    </span>
                  ) : (
                    <Clock aria-hidden className="size-4 text-slate-500" />
                  )}
                  <time dateTime={check.dueAt} title={formatUtc(new Date(check.dueAt))} className={check.overdue ? "text-red-800 dark:text-red-300" : ""}>
                    due {relativeTime(new Date(check.dueAt), now)}
                  </time>
                </p>
              </li>
            ))}
          </ul>
          {due.total > due.checks.length ? (
            <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
              Showing the first {due.checks.length} of {due.total}.
            </p>
          ) : null}
        </>
      ) : (
        <SectionEmpty>
          {filtered
            ? "No monitoring check on the plans matching these filters is due in the next 24 hours."
            : "No monitoring check is due in the next 24 hours. Checks are scheduled when a plan with a monitoring schedule finishes."}
        </SectionEmpty>
      )}
    </DashboardSection>
  );
}
