import { ShieldCheck } from "lucide-react";
import type { PlanWithStructure } from "@/lib/plans/get-plan";

/** The plan's gates and the sign-off titles each needs. Signing comes with the sign-off work. */
export function GatesPanel({ gates }: { gates: PlanWithStructure["gates"] }) {
  if (!gates.length) return <p className="text-sm text-slate-600 dark:text-slate-400">This plan has no sign-off gates.</p>;
  return (
    <ul className="space-y-3">
      {gates.map((gate) => (
        <li key={gate.id} className="rounded-lg border border-slate-200 p-3 dark:border-slate-800">
          <p className="flex items-center gap-2 text-sm font-medium">
            <ShieldCheck aria-hidden className="size-4 text-slate-500" />
            {gate.title}
          </p>
          {gate.decisionMakerRole ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Decision maker: {gate.decisionMakerRole}</p>
          ) : null}
          {gate.roles.length ? (
            <ul className="mt-2 space-y-1">
              {gate.roles.map((role) => (
                <li key={role.id} className="flex items-center justify-between text-xs">
                  <span>{role.title}</span>
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">Pending</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
