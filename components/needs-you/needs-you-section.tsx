import Link from "next/link";
import { NeedsYouLinks } from "@/components/needs-you/needs-you-links";
import { cardStyles } from "@/components/ui/styles";
import type { PlanNeedsYou } from "@/lib/needs-you/load-needs-you";

/** The dashboard's first card when something waits for the viewer: each plan with its waiting signatures and decisions. */
export function NeedsYouSection({ waiting }: { waiting: ReadonlyMap<string, PlanNeedsYou> }) {
  if (!waiting.size) return null;
  return (
    <section aria-labelledby="needs-you-title" className={`${cardStyles} p-4`}>
      <h2 id="needs-you-title" className="mb-3 text-lg font-semibold">
        Needs you
      </h2>
      <ul className="space-y-3">
        {[...waiting].map(([planId, plan]) => (
          <li key={planId}>
            <Link href={`/plans/${planId}`} className="font-medium hover:underline">
              {plan.planTitle}
            </Link>
            <NeedsYouLinks planId={planId} entries={plan.entries} className="mt-1" />
          </li>
        ))}
      </ul>
    </section>
  );
}
