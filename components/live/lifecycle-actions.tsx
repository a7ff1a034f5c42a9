"use client";

import { useState } from "react";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { LifecycleAction, PlanChange } from "@/lib/plan-state/change-schema";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";

const ACTIONS: Record<PlanStatusName, { action: LifecycleAction; label: string; style: keyof typeof buttonStyles; needsReason?: boolean }[]> = {
  DRAFT: [
    { action: "start", label: "Start deployment", style: "primary" },
    { action: "schedule", label: "Mark scheduled", style: "secondary" },
    { action: "abort", label: "Abort…", style: "quiet", needsReason: true },
  ],
  SCHEDULED: [
    { action: "start", label: "Start deployment", style: "primary" },
    { action: "abort", label: "Abort…", style: "quiet", needsReason: true },
  ],
  IN_PROGRESS: [
    { action: "complete", label: "Complete", style: "primary" },
    { action: "trigger-rollback", label: "Trigger rollback…", style: "secondary", needsReason: true },
    { action: "finish-partial", label: "Finish as partial…", style: "quiet", needsReason: true },
    { action: "abort", label: "Abort…", style: "quiet", needsReason: true },
  ],
  ROLLING_BACK: [{ action: "finish-rollback", label: "Finish rollback", style: "primary" }],
  COMPLETE: [{ action: "trigger-rollback", label: "Trigger rollback…", style: "secondary", needsReason: true }],
  PARTIAL: [{ action: "trigger-rollback", label: "Trigger rollback…", style: "secondary", needsReason: true }],
  ROLLED_BACK: [],
  ABORTED: [],
};

/** The actions that fit the plan's status; the ones that need a reason ask for it first. */
export function LifecycleActions({ status, triggers, onChange }: { status: PlanStatusName; triggers: string[]; onChange: (change: PlanChange) => void }) {
  const [asking, setAsking] = useState<LifecycleAction | null>(null);
  const [reason, setReason] = useState("");
  const [trigger, setTrigger] = useState("");
  const actions = ACTIONS[status];
  if (!actions.length) return null;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((entry) => (
          <button
            key={entry.action}
            type="button"
            className={buttonStyles[entry.style]}
            onClick={() => (entry.needsReason ? setAsking(entry.action) : onChange({ type: "plan.lifecycle", action: entry.action }))}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {asking ? (
        <form
          className="max-w-xl space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
          aria-label={asking === "trigger-rollback" ? "Trigger rollback" : "Give a reason"}
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            onChange({ type: "plan.lifecycle", action: asking, reason: reason.trim(), trigger: trigger || undefined });
            setAsking(null);
            setReason("");
            setTrigger("");
          }}
        >
          {asking === "trigger-rollback" && triggers.length ? (
            <fieldset>
              <legend className={fieldStyles.label}>Which rollback trigger fired?</legend>
              <div className="mt-1 space-y-1">
                {triggers.map((candidate) => (
                  <label key={candidate} className="flex items-start gap-2 text-sm">
                    <input type="radio" name="trigger" value={candidate} checked={trigger === candidate} onChange={() => setTrigger(candidate)} className="mt-1" />
                    {candidate}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          <div>
            <label htmlFor="lifecycle-reason" className={fieldStyles.label}>
              Reason
            </label>
            <textarea id="lifecycle-reason" required rows={2} value={reason} onChange={(event) => setReason(event.target.value)} className={fieldStyles.input} />
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonStyles.primary} disabled={!reason.trim()}>
              {asking === "trigger-rollback" ? "Roll back now" : "Confirm"}
            </button>
            <button type="button" className={buttonStyles.quiet} onClick={() => setAsking(null)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
