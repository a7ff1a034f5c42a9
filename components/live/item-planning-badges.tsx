import { Clock, Hourglass, UserRound } from "lucide-react";
import { describeBlockers, type Blocker } from "@/lib/planning/dependency-graph";
import type { ResolvedOwner } from "@/lib/planning/live-planning";

interface ItemPlanningBadgesProps {
  owners: ResolvedOwner[];
  blockers: Blocker[];
  plannedMinutes: number | null;
  /** Only pending steps say what they wait for; a settled one has nothing left to wait for. */
  pending: boolean;
}

/** Who does a step, how long it is planned to take, and what it is waiting for. */
export function ItemPlanningBadges({ owners, blockers, plannedMinutes, pending }: ItemPlanningBadgesProps) {
  const waiting = pending && blockers.length > 0;
  if (!owners.length && plannedMinutes === null && !waiting) return null;
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
      {waiting ? (
        <span className="inline-flex items-center gap-1 rounded bg-amber-50 px-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100" data-role="item-waiting">
          <Hourglass aria-hidden className="size-3" />
          {describeBlockers(blockers)}
        </span>
      ) : null}
    </p>
  );
}
