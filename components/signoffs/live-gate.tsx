"use client";

import { PresenceBar } from "@/components/live/presence-bar";
import { usePlanLive } from "@/components/live/use-plan-live";
import { LiveGatesPanel, type Signing } from "@/components/signoffs/live-gates-panel";
import type { PlanLiveState } from "@/lib/plan-state/live-state";
import { liveGateStatuses, type GateStructure } from "@/lib/signoffs/live-gates";

const HOLDS_BACK = { START: "starting the deployment", COMPLETE: "completing the deployment" } as const;
const ITEM_STATUS = { PENDING: "open", DONE: "done", SKIPPED: "skipped", FAILED: "failed", NOT_APPLICABLE: "not applicable" } as const;

/**
 * One gate of a plan, live: what it holds back, the steps it waits for, who has signed, and
 * the sign buttons for a holder of a title it needs. Signing goes over the plan's socket like
 * on the plan page, so the signature shows here (and everywhere else) as soon as it is recorded.
 */
export function LiveGate({ initial, gate, viewer, requiredItems }: { initial: PlanLiveState; gate: GateStructure; viewer: { id: string }; requiredItems: { id: string; text: string }[] }) {
  const { state, connection, presence, sendChange } = usePlanLive(initial);
  const member = state.members.find((candidate) => candidate.userId === viewer.id);
  const role = member?.role ?? null;
  const signing: Signing = { userId: viewer.id, role, titles: member?.titles ?? [], mayDecideWithoutTitle: role === "LEAD", allowSelfApproval: state.settings.allowSelfApproval };
  const statuses = liveGateStatuses([gate], state);
  const blocks = statuses[0]?.gate.blocks ?? gate.blocks;

  return (
    <div className="space-y-4">
      <PresenceBar people={presence} connection={connection} />
      <section aria-labelledby="covers-title" className="space-y-2 text-sm">
        <h2 id="covers-title" className="font-semibold">
          What it covers
        </h2>
        <p data-testid="gate-holds-back">Until it is satisfied, this gate holds back {HOLDS_BACK[blocks]}.</p>
        {requiredItems.length ? (
          <>
            <p>Steps that must be settled before anyone signs:</p>
            <ul className="list-disc space-y-1 pl-5" aria-label="Steps this gate waits for">
              {requiredItems.map((item) => (
                <li key={item.id}>
                  {item.text} <span className="text-slate-600 dark:text-slate-400">({ITEM_STATUS[state.items[item.id]?.status ?? "PENDING"]})</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="signoffs-title">
        <h2 id="signoffs-title" className="mb-2 text-sm font-semibold">
          Sign-offs
        </h2>
        <LiveGatesPanel gates={statuses} signing={signing} onChange={sendChange} run={state} />
      </section>
    </div>
  );
}
