import type { Progress } from "@/lib/plans/progress";

export function ProgressBar({ progress, label }: { progress: Progress; label: string }) {
  const { required, optional, percent } = progress;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums text-slate-600 dark:text-slate-400">
          {required.settled}/{required.total} required
          {optional.total ? ` · ${optional.settled}/${optional.total} optional` : ""}
        </span>
      </div>
      <div
        className="mt-1.5 h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full rounded-full bg-emerald-600 transition-all dark:bg-emerald-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
