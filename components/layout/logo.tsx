import { PlaneTakeoff } from "lucide-react";

export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <span className="grid size-7 place-items-center rounded-md bg-indigo-600 text-white dark:bg-indigo-500">
        <PlaneTakeoff aria-hidden className="size-4" />
      </span>
      Preflight
    </span>
  );
}
