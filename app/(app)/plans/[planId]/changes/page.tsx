import type { Metadata } from "next";
import Link from "next/link";
import { PlanDiff } from "@/components/history/plan-diff";
import { actorOf } from "@/lib/plan-state/plan-access";
import { readPlanHistory } from "@/lib/plan-history/read-plan-history";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";

export const metadata: Metadata = { title: "Changes" };

/** A moment typed in the form: a local date-time from the browser's picker, read as UTC, or nothing. */
function momentOf(value: string | string[] | undefined): Date | undefined {
  const text = typeof value === "string" ? value.slice(0, 30) : "";
  if (!text) return undefined;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export default async function PlanChangesPage({ params, searchParams }: { params: Promise<{ planId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, plan } = await requirePlanForPage((await params).planId);
  const at = momentOf((await searchParams).at);
  const history = await readPlanHistory(plan.id, actorOf(user), at ? { at } : {});

  return (
    <main className="space-y-8">
      <div>
        <Link href={`/plans/${plan.id}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          ← {plan.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Changes</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">Every edit of the plan&apos;s sections and steps since it was created: who, when, before and after.</p>
      </div>

      <section aria-labelledby="edits-title" className="space-y-3">
        <h2 id="edits-title" className="text-lg font-semibold">Edits</h2>
        {history.edits.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300">No one has edited this plan since it was created.</p>
        ) : (
          <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700">
            {history.edits.map((edit) => (
              <li key={edit.seq} className="space-y-1 p-3 text-sm">
                <p>
                  <span className="font-medium">{edit.description}</span>{" "}
                  <time dateTime={edit.at} className="text-slate-500 dark:text-slate-400">
                    {edit.at.slice(0, 16).replace("T", " ")} UTC
                  </time>
                </p>
                {(edit.before !== null || edit.after !== null) && (
                  <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr]">
                    {edit.before !== null && (
                      <>
                        <dt className="text-slate-500 dark:text-slate-400">Before</dt>
                        <dd className="whitespace-pre-wrap">{edit.before}</dd>
                      </>
                    )}
                    {edit.after !== null && (
                      <>
                        <dt className="text-slate-500 dark:text-slate-400">After</dt>
                        <dd className="whitespace-pre-wrap">{edit.after}</dd>
                      </>
                    )}
                  </dl>
                )}
              </li>
            ))}
          </ol>
        )}
        {history.truncated && <p className="text-sm text-slate-600 dark:text-slate-300">Only the newest edits are listed.</p>}
      </section>

      <section aria-labelledby="since-created-title" className="space-y-3">
        <h2 id="since-created-title" className="text-lg font-semibold">Against the document it came from</h2>
        <PlanDiff parts={history.sinceCreation} label="The plan now against the document it came from" />
      </section>

      <section aria-labelledby="since-time-title" className="space-y-3">
        <h2 id="since-time-title" className="text-lg font-semibold">Against the plan at a chosen time</h2>
        <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col gap-1">
            <span>Time (UTC)</span>
            <input type="datetime-local" name="at" defaultValue={at?.toISOString().slice(0, 16)} className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900" />
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
            Compare
          </button>
        </form>
        {history.sinceTime && <PlanDiff parts={history.sinceTime.diff} label={`The plan now against the plan at ${history.sinceTime.at}`} />}
      </section>
    </main>
  );
}
