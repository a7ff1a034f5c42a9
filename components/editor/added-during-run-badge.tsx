/** Marks a step the lead added once the deployment had started. */
export function AddedDuringRunBadge() {
  return <span className="ml-1.5 rounded bg-indigo-50 px-1.5 text-xs font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">added during the run</span>;
}
