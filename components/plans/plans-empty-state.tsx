import { ClipboardList, FileText, LayoutTemplate } from "lucide-react";
import Link from "next/link";
import { cardStyles } from "@/components/ui/styles";

/** What a new instance shows: what a plan is here and how one comes to exist. */
export function PlansEmptyState() {
  return (
    <section className={`${cardStyles} px-6 py-12 text-center`} aria-labelledby="no-plans-title">
      <ClipboardList aria-hidden className="mx-auto size-10 text-indigo-500" />
      <h2 id="no-plans-title" className="mt-4 text-lg font-semibold">
        No deployment plans yet
      </h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-slate-600 dark:text-slate-400">
        A plan is the checklist your team runs during a deployment window: phases, steps, commands, sign-offs and a
        rollback procedure, ticked live while everyone watches.
      </p>
      <ul className="mx-auto mt-8 grid max-w-xl gap-3 text-left sm:grid-cols-2">
        <li>
          <Link href="/plans/import" className="flex h-full gap-3 rounded-lg border border-slate-200 p-4 hover:border-indigo-400 hover:bg-indigo-50/50 dark:border-slate-800 dark:hover:bg-indigo-950/40">
          <FileText aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <span className="text-sm">
            <strong className="block font-medium">Import a Markdown plan</strong>
            <span className="text-slate-600 dark:text-slate-400">The plan you keep in a wiki or repo becomes a live plan.</span>
          </span>
          </Link>
        </li>
        <li>
          <Link href="/templates" className="flex h-full gap-3 rounded-lg border border-slate-200 p-4 hover:border-indigo-400 hover:bg-indigo-50/50 dark:border-slate-800 dark:hover:bg-indigo-950/40">
          <LayoutTemplate aria-hidden className="mt-0.5 size-5 shrink-0 text-slate-500" />
          <span className="text-sm">
            <strong className="block font-medium">Start from a template</strong>
            <span className="text-slate-600 dark:text-slate-400">Production release, canary rollout, database migration, hotfix.</span>
          </span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
