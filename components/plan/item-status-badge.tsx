import { ArrowRight, Check, Minus, X } from "lucide-react";
import type { ItemStatusName } from "@/lib/plans/progress";

const STATUS: Record<ItemStatusName, { label: string; className: string; icon: React.ReactNode }> = {
  PENDING: {
    label: "Pending",
    className: "border-slate-300 bg-white text-transparent dark:border-slate-600 dark:bg-slate-900",
    icon: null,
  },
  DONE: {
    label: "Done",
    className: "border-emerald-600 bg-emerald-600 text-white dark:border-emerald-500 dark:bg-emerald-500",
    icon: <Check aria-hidden className="size-3.5" strokeWidth={3} />,
  },
  SKIPPED: {
    label: "Skipped",
    className: "border-slate-400 bg-slate-200 text-slate-700 dark:border-slate-500 dark:bg-slate-700 dark:text-slate-100",
    icon: <ArrowRight aria-hidden className="size-3.5" strokeWidth={3} />,
  },
  FAILED: {
    label: "Failed",
    className: "border-red-600 bg-red-600 text-white dark:border-red-500 dark:bg-red-500",
    icon: <X aria-hidden className="size-3.5" strokeWidth={3} />,
  },
  NOT_APPLICABLE: {
    label: "Not applicable",
    className: "border-slate-300 bg-slate-100 text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300",
    icon: <Minus aria-hidden className="size-3.5" strokeWidth={3} />,
  },
};

/** Done, but the measured value misses its target: amber, and said in words. */
const DONE_OUTSIDE_TARGET = {
  label: "Done outside target",
  className: "border-amber-500 bg-amber-400 text-amber-950 dark:border-amber-400 dark:bg-amber-400 dark:text-amber-950",
  icon: <Check aria-hidden className="size-3.5" strokeWidth={3} />,
};

export function itemStatusLabel(status: ItemStatusName, outsideTarget = false): string {
  return status === "DONE" && outsideTarget ? DONE_OUTSIDE_TARGET.label : STATUS[status].label;
}

/** An item's state as a shape and an icon, with its name for screen readers: never colour alone. */
export function ItemStatusBadge({ status, outsideTarget = false }: { status: ItemStatusName; outsideTarget?: boolean }) {
  const { label, className, icon } = status === "DONE" && outsideTarget ? DONE_OUTSIDE_TARGET : STATUS[status];
  return (
    <span className={`grid size-5 shrink-0 place-items-center rounded border-2 ${className}`} title={label}>
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
