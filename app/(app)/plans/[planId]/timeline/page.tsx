import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveTimeline } from "@/components/timeline/live-timeline";
import { mayPerform } from "@/lib/plan-state/permissions";
import { loadLiveState } from "@/lib/plan-state/read-plan-state";
import { requirePlanForPage } from "@/lib/plans/require-plan-for-page";
import { timelineStructureOf } from "@/lib/timeline/timeline-source";

export const metadata: Metadata = { title: "Timeline" };

export default async function PlanTimelinePage({ params }: { params: Promise<{ planId: string }> }) {
  const { user, plan } = await requirePlanForPage((await params).planId);
  const live = await loadLiveState(plan.id);
  if (!live) notFound();
  const { phases, schedule } = timelineStructureOf(plan);
  const role = plan.members[0]?.role ?? null;
  const may = (action: "tick" | "run" | "edit") => mayPerform(role, action, { isAdmin: user.role === "ADMIN" });

  return (
    <main className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href={`/plans/${plan.id}`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
            ← {plan.title}
          </Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">Timeline</h1>
        </div>
        <a href={`/api/plans/${plan.id}/calendar`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300" download>
          Add to calendar (.ics)
        </a>
      </div>
      <LiveTimeline
        initial={live}
        phases={phases}
        schedule={schedule}
        items={plan.items.map((item) => ({ id: item.id, text: item.text }))}
        permissions={{ run: may("run"), tick: may("tick"), edit: may("edit") }}
      />
    </main>
  );
}
