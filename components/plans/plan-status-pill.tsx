import type { PlanStatus } from "@/lib/generated/prisma/enums";

const LABELS: Record<PlanStatus, { label: string; className: string }> = {
  DRAFT: { label: "Draft", className: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600" },
  SCHEDULED: { label: "Scheduled", className: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800" },
  IN_PROGRESS: { label: "In progress", className: "bg-indigo-50 text-indigo-800 ring-indigo-300 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-700" },
  ROLLING_BACK: { label: "Rolling back", className: "bg-amber-50 text-amber-900 ring-amber-400 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-700" },
  COMPLETE: { label: "Complete", className: "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800" },
  PARTIAL: { label: "Partial", className: "bg-yellow-50 text-yellow-900 ring-yellow-400 dark:bg-yellow-950 dark:text-yellow-200 dark:ring-yellow-700" },
  ROLLED_BACK: { label: "Rolled back", className: "bg-orange-50 text-orange-900 ring-orange-300 dark:bg-orange-950 dark:text-orange-200 dark:ring-orange-800" },
  ABORTED: { label: "Aborted", className: "bg-red-50 text-red-800 ring-red-300 dark:bg-red-950 dark:text-red-200 dark:ring-red-800" },
};

/** Plan status as text in a pill: the colour supports the word, never replaces it. */
export function PlanStatusPill({ status }: { status: PlanStatus }) {
  const { label, className } = LABELS[status];
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset ${className}`}>{label}</span>;
}
