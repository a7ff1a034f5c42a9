import { Clock, Hourglass, UserRound } from "lucide-react";
import type { ResolvedOwner } from "@/lib/planning/live-planning";

interface ItemPlanningBadgesProps {
  owners: ResolvedOwner[];
  plannedMinutes: number | null;
  /** "Waiting for …" (lib/planning/dependency-graph.ts describeBlockers) while a pending step has unsettled predecessors, else null. */
  waitingFor: string | null;
}

/** Who does a step, how long it is planned to take, and what it is waiting for. */
export function ItemPlanningBadges({ owners, plannedMinutes, waitingFor }: ItemPlanningBadgesProps) {
  if (!owners.length && plannedMinutes === null && !waitingFor) return null;
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" data-role="item-planning">
      {owners.length ? (
        <span className="inline-flex items-center gap-1" data-role="item-owners">
          <UserRound aria-hidden className="size-3" />
          <span className="sr-only">Owners: </span>
          {owners.map((owner) => (owner.holders ? `${owner.label} (${owner.holders.length ? owner.holders.join(", ") : "nobody holds it"})` : owner.label)).join(", ")}
        </span>
      ) : null}
      {plannedMinutes !== null ? (
        <span className="inline-flex items-center gap-1">
          <Clock aria-hidden className="size-3" />
          <span className="sr-only">Planned: </span>
          {plannedMinutes} min
        </span>
      ) : null}
      {waitingFor ? (
        <span className="inline-flex items-center gap-1 rounded bg-amber-50 px-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-role="item-waiting">
          <Hourglass aria-hidden className="size-3" />
          {waitingFor}
        </span>
      ) : null}
    </p>
  );
}
