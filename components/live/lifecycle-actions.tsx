"use client";

import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { LifecycleAction, PlanChange } from "@/lib/plan-state/change-schema";
import type { WindowLiveState } from "@/lib/plan-state/events";
import type { PlanStatusName } from "@/lib/plan-state/lifecycle";
import { lifecycleConfirmation, type Confirmation, type ConfirmationInput } from "@/lib/plan-state/lifecycle-confirmation";
import type { ChangeAnswer } from "@/lib/realtime/socket-contract";

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

/** What the server said when it refused a lifecycle action, kept beside the buttons. */
interface Refusal {
  action: LifecycleAction;
  message: string;
  /** Sign-off gates hold the action back; the lead may go ahead with a reason. */
  overridable: boolean;
  openItems?: { id: string; text: string }[];
}

const OVERRIDE_LABEL: Partial<Record<LifecycleAction, string>> = { schedule: "Schedule anyway", start: "Start anyway", complete: "Complete anyway" };

function refusalOf(action: LifecycleAction, answer: ChangeAnswer): Refusal | null {
  if (answer.ok) return null;
  const { message, overridable, openItems } = answer.error as { message: string; overridable?: unknown; openItems?: Refusal["openItems"] };
  return { action, message, overridable: answer.status === 409 && overridable === true && action in OVERRIDE_LABEL, openItems };
}

/**
 * The actions that fit the plan's status; the ones that need a reason ask for it first. A
 * refused action says why right here, and one held back by sign-off gates offers the lead
 * to go ahead anyway, with a reason that is recorded and shown on the plan.
 */
/** What the confirmations need to name what follows an action. */
export interface LifecycleContext {
  window: WindowLiveState;
  items: ConfirmationInput["items"];
  monitoringChecks: { onFinish: number; onRollback: number };
  checksScheduled: boolean;
}

export function LifecycleActions({
  status,
  triggers,
  context,
  onChange,
  gatesKey = "",
}: {
  status: PlanStatusName;
  triggers: string[];
  context: LifecycleContext;
  onChange: (change: PlanChange) => Promise<ChangeAnswer>;
  /** Changes when a gate's standing changes; a refusal shown before that no longer holds, so it goes. */
  gatesKey?: string;
}) {
  const [asking, setAsking] = useState<LifecycleAction | null>(null);
  const [confirming, setConfirming] = useState<{ action: LifecycleAction; confirmation: Confirmation } | null>(null);
  const openers = useRef(new Map<LifecycleAction, HTMLButtonElement>());
  const refocus = useRef<LifecycleAction | null>(null);
  const [reason, setReason] = useState("");
  const [trigger, setTrigger] = useState("");
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [overriding, setOverriding] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const [busy, setBusy] = useState(false);
  // The opener takes the focus back once the dialog is gone (the page behind a modal dialog
  // is inert, so focusing it any earlier does nothing), if the action left it on the page.
  useEffect(() => {
    if (confirming || !refocus.current) return;
    const opener = openers.current.get(refocus.current);
    refocus.current = null;
    if (opener?.isConnected && !opener.disabled) opener.focus();
  });
  const [refusedUnder, setRefusedUnder] = useState(gatesKey);
  if (refusedUnder !== gatesKey) {
    setRefusedUnder(gatesKey);
    setRefusal(null);
    setOverriding(false);
  }
  const actions = ACTIONS[status];
  if (!actions.length) return null;

  const send = async (action: LifecycleAction, change: PlanChange) => {
    setBusy(true);
    try {
      const answer = await onChange(change);
      const refused = refusalOf(action, answer);
      setRefusal(refused);
      if (!refused) {
        setOverriding(false);
        setOverrideReason("");
      }
      return !refused;
    } finally {
      setBusy(false);
    }
  };

  const closeDialog = (action: LifecycleAction) => {
    refocus.current = action;
    setConfirming(null);
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.map((entry) => (
          <button
            key={entry.action}
            ref={(element) => {
              if (element) openers.current.set(entry.action, element);
              else openers.current.delete(entry.action);
            }}
            type="button"
            className={buttonStyles[entry.style]}
            disabled={busy}
            onClick={() => {
              setRefusal(null);
              setOverriding(false);
              const confirmation = lifecycleConfirmation({
                action: entry.action,
                items: context.items,
                monitoringChecks: context.monitoringChecks.onFinish,
                rollbackChecks: context.monitoringChecks.onRollback,
                checksScheduled: context.checksScheduled,
                windowStart: context.window.windowStart ? Date.parse(context.window.windowStart) : null,
                timeZone: context.window.timeZone,
                now: Date.now(),
              });
              if (confirmation) setConfirming({ action: entry.action, confirmation });
              else if (entry.needsReason) setAsking(entry.action);
              else void send(entry.action, { type: "plan.lifecycle", action: entry.action });
            }}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={confirming.confirmation.title}
          lines={confirming.confirmation.lines}
          confirmLabel={confirming.confirmation.confirmLabel}
          reasonLabel={confirming.confirmation.needsReason ? "Reason" : undefined}
          tone={confirming.action === "abort" ? "danger" : "primary"}
          busy={busy}
          onCancel={() => closeDialog(confirming.action)}
          onConfirm={(why) => {
            const { action } = confirming;
            closeDialog(action);
            void send(action, { type: "plan.lifecycle", action, ...(why ? { reason: why } : {}) });
          }}
        />
      ) : null}
      {refusal ? (
        <div role="alert" data-testid="lifecycle-refusal" className="max-w-xl space-y-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
          <p>{refusal.message}</p>
          {refusal.openItems?.length ? (
            <ul className="list-disc pl-5">
              {refusal.openItems.slice(0, 10).map((item) => (
                <li key={item.id}>{item.text}</li>
              ))}
              {refusal.openItems.length > 10 ? <li>…and {refusal.openItems.length - 10} more</li> : null}
            </ul>
          ) : null}
          {refusal.overridable && !overriding ? (
            <button type="button" className={buttonStyles.secondary} onClick={() => setOverriding(true)}>
              Override with a reason
            </button>
          ) : null}
        </div>
      ) : null}
      {refusal?.overridable && overriding ? (
        <form
          className="max-w-xl space-y-3 rounded-lg border border-amber-300 p-4 dark:border-amber-700"
          aria-label="Override the sign-off gate"
          onSubmit={(event) => {
            event.preventDefault();
            const why = overrideReason.trim();
            if (!why) return;
            void send(refusal.action, { type: "plan.lifecycle", action: refusal.action, override: { reason: why } });
          }}
        >
          <div>
            <label htmlFor="override-reason" className={fieldStyles.label}>
              Why go ahead without the sign-off?
            </label>
            <textarea
              id="override-reason"
              required
              autoFocus
              rows={2}
              maxLength={1000}
              value={overrideReason}
              onChange={(event) => setOverrideReason(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Escape") setOverriding(false);
              }}
              aria-describedby="override-note"
              className={fieldStyles.input}
            />
            <p id="override-note" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              The reason is recorded and shown on the plan, in the export and in the report.
            </p>
          </div>
          <div className="flex gap-2">
            <button type="submit" className={buttonStyles.danger} disabled={busy || !overrideReason.trim()}>
              {OVERRIDE_LABEL[refusal.action]}
            </button>
            <button type="button" className={buttonStyles.quiet} onClick={() => setOverriding(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {asking ? (
        <form
          className="max-w-xl space-y-3 rounded-lg border border-slate-300 p-4 dark:border-slate-700"
          aria-label={asking === "trigger-rollback" ? "Trigger rollback" : "Give a reason"}
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) return;
            void send(asking, { type: "plan.lifecycle", action: asking, reason: reason.trim(), trigger: trigger || undefined });
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
