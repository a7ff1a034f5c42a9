"use client";

import { Check, Clock, ShieldAlert, ShieldCheck, X } from "lucide-react";
import { gateAnchor } from "@/components/needs-you/needs-you-links";
import { useState } from "react";
import { buttonStyles, fieldStyles } from "@/components/ui/styles";
import type { PlanChange } from "@/lib/plan-state/change-schema";
import type { ChangeAnswer } from "@/lib/realtime/socket-contract";
import { isLateSignature } from "@/lib/signoffs/gate-blocks";
import type { GateConfig, GateRoleStatus, GateStatus, SignatureLiveState } from "@/lib/signoffs/gate-rules";

/** The plan's run times, to mark signatures that came after the action their gate holds back. */
export interface GateRun {
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const NOT_RUN: GateRun = { status: "DRAFT", startedAt: null, finishedAt: null };
const HOLDS_BACK = { START: "Holds back Start", COMPLETE: "Holds back Complete" } as const;

export interface Signing {
  /** Who is looking, to find their own signature: signing again changes it. */
  userId: string;
  /** The viewer's plan role and sign-off titles; the server decides, this only picks the buttons. */
  role: string | null;
  titles: string[];
  mayDecideWithoutTitle: boolean;
  /** From the live settings: whether a lead may approve their own plan. */
  allowSelfApproval?: boolean;
}

const GATE_BADGE = {
  satisfied: { label: "Satisfied", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200", Icon: ShieldCheck },
  pending: { label: "Pending", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300", Icon: Clock },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200", Icon: ShieldAlert },
} as const;

const ROLE_BADGE: Record<GateRoleStatus["state"], { label: string; className: string }> = {
  signed: { label: "Signed", className: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200" },
  pending: { label: "Pending", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
  rejected: { label: "Rejected", className: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" },
  stale: { label: "Stale", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
};

const DECISION_LABEL = { GO: "GO", NO_GO: "NO-GO", DEFER: "DEFER", APPROVE: "Approved", REJECT: "Rejected" } as const;

const when = (at: string) => new Date(at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });

function SignatureLine({ signature, late }: { signature: SignatureLiveState; late: boolean }) {
  return (
    <li className="text-xs text-slate-700 dark:text-slate-300" data-late={late || undefined}>
      {signature.decision === "REJECT" ? <X aria-hidden className="mr-1 inline size-3 text-red-700" /> : <Check aria-hidden className="mr-1 inline size-3 text-emerald-700" />}
      {DECISION_LABEL[signature.decision]} by {signature.userName}, {when(signature.at)}
      {late ? (
        <span className="ml-1 rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200" title="Given after the action this gate should have held back">
          late
        </span>
      ) : null}
      {signature.comment ? <span className="block pl-4 italic">“{signature.comment}”</span> : null}
      {signature.stale ? <span className="block pl-4 font-medium text-amber-800 dark:text-amber-300">Stale: {signature.staleReason ?? "the checklist changed after signing."}</span> : null}
    </li>
  );
}

/** The plan's gates with their live sign-off state; holders of a title sign here. */
export function LiveGatesPanel({
  gates,
  signing,
  onChange,
  run = NOT_RUN,
}: {
  gates: { gate: GateConfig; status: GateStatus }[];
  signing: Signing;
  onChange: SendChange;
  run?: GateRun;
}) {
  if (!gates.length) return <p className="text-sm text-slate-600 dark:text-slate-400">This plan has no sign-off gates.</p>;
  return (
    <ul className="space-y-3" data-testid="gates">
      {gates.map(({ gate, status }) => {
        const badge = GATE_BADGE[status.state];
        const late = (signature: SignatureLiveState) => isLateSignature(gate.blocks, signature, run);
        return (
          <li key={gate.id} id={gateAnchor(gate.id)} className="scroll-mt-24 rounded-lg border border-slate-200 p-3 dark:border-slate-800" data-testid="gate" data-gate-title={gate.title} data-gate-state={status.state}>
            <p className="flex items-center justify-between gap-2 text-sm font-medium">
              <span>{gate.title}</span>
              <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${badge.className}`}>
                <badge.Icon aria-hidden className="size-3" />
                {badge.label}
              </span>
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="gate-blocks">
              {HOLDS_BACK[gate.blocks]}
            </p>
            {gate.kind === "GO_NO_GO" ? <DecisionBlock gate={gate} status={status} signing={signing} onChange={onChange} late={late} /> : null}
            {status.openRequiredItemIds.length ? (
              <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">Waiting for {status.openRequiredItemIds.length} required item(s) first.</p>
            ) : null}
            {status.roles.length ? (
              <ul className="mt-2 space-y-2">
                {status.roles.map((role) => (
                  <li key={role.title} data-testid="gate-role" data-role-title={role.title} data-role-state={role.state}>
                    <div className="flex items-center justify-between text-xs">
                      <span>
                        {role.title}
                        {role.quorum > 1 ? ` (${role.approvals.length}/${role.quorum})` : ""}
                      </span>
                      <span className={`rounded-full px-2 py-0.5 ${ROLE_BADGE[role.state].className}`}>{ROLE_BADGE[role.state].label}</span>
                    </div>
                    <ul className="mt-1 space-y-1">
                      {[...role.approvals, ...role.rejections, ...role.stale].map((signature) => (
                        <SignatureLine key={signature.id} signature={signature} late={late(signature)} />
                      ))}
                    </ul>
                    {signing.titles.includes(role.title) && (signing.role === "APPROVER" || signing.role === "LEAD") ? (
                      <SignForm
                        gateId={gate.id}
                        title={role.title}
                        onChange={onChange}
                        mayApprove={signing.role !== "LEAD" || Boolean(signing.allowSelfApproval)}
                        current={[...role.approvals, ...role.rejections].find((signature) => signature.userId === signing.userId)}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

type SendChange = (change: PlanChange) => Promise<ChangeAnswer>;

/** The server's refusal, shown where the person acted (a title taken away a moment ago, a gate already closed). */
function Refusal({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="gate-refusal" className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
      {message}
    </p>
  );
}

/** Sends a change and keeps the refusal message, if any; `busy` while it is on its way. */
function useAnsweredChange(onChange: SendChange) {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const send = async (change: PlanChange): Promise<boolean> => {
    setBusy(true);
    setRefusal(null);
    try {
      const answer = await onChange(change);
      if (!answer.ok) setRefusal(answer.error.message);
      return answer.ok;
    } finally {
      setBusy(false);
    }
  };
  return { busy, refusal, send };
}

/**
 * Approve or reject as a title. Once signed, the person's word stands and the form folds into
 * "Change decision": signing again replaces the earlier signature, it never adds a second one.
 * A stale approval (the checklist changed) asks for a fresh one right away.
 */
function SignForm({ gateId, title, onChange, mayApprove, current }: { gateId: string; title: string; onChange: SendChange; mayApprove: boolean; current?: SignatureLiveState }) {
  const [rejecting, setRejecting] = useState(false);
  const [changing, setChanging] = useState(false);
  const [comment, setComment] = useState("");
  const { busy, refusal, send: sendChange } = useAnsweredChange(onChange);
  const send = async (decision: "APPROVE" | "REJECT") => {
    const ok = await sendChange({ type: "gate.sign", gateId, title, decision, comment: comment || undefined });
    if (!ok) return;
    setRejecting(false);
    setChanging(false);
    setComment("");
  };
  if (current && !current.stale && !changing) {
    return (
      <div className="mt-2 space-y-2">
        <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="own-signature">
          You {current.decision === "APPROVE" ? "approved" : "rejected"} as {title}.
        </p>
        <button type="button" className={buttonStyles.secondary} onClick={() => setChanging(true)}>
          Change decision as {title}
        </button>
        <Refusal message={refusal} />
      </div>
    );
  }
  return (
    <div className="mt-2 space-y-2">
      {rejecting ? (
        <label className="block text-xs">
          Why do you reject it?
          <textarea className={fieldStyles.input} rows={2} value={comment} onChange={(event) => setComment(event.target.value)} />
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {rejecting ? (
          <>
            <button type="button" className={buttonStyles.danger} disabled={busy || !comment.trim()} onClick={() => send("REJECT")}>
              Reject as {title}
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </>
        ) : (
          <>
            {mayApprove ? (
              <button type="button" className={buttonStyles.primary} disabled={busy} onClick={() => send("APPROVE")}>
                Approve as {title}
              </button>
            ) : (
              <p className="w-full text-xs text-slate-700 dark:text-slate-300">You lead this plan, so you cannot approve it yourself (separation of duties). You can still reject it.</p>
            )}
            <button type="button" className={buttonStyles.secondary} disabled={busy} onClick={() => setRejecting(true)}>
              Reject…
            </button>
            {changing ? (
              <button type="button" className={buttonStyles.quiet} onClick={() => setChanging(false)}>
                Keep my decision
              </button>
            ) : null}
          </>
        )}
      </div>
      <Refusal message={refusal} />
    </div>
  );
}

function DecisionBlock({
  gate,
  status,
  signing,
  onChange,
  late,
}: {
  gate: GateConfig;
  status: GateStatus;
  signing: Signing;
  onChange: SendChange;
  late: (signature: SignatureLiveState) => boolean;
}) {
  const [rationale, setRationale] = useState("");
  const { busy, refusal, send } = useAnsweredChange(onChange);
  const mayDecide = gate.decisionMakerRole ? signing.titles.includes(gate.decisionMakerRole) : signing.mayDecideWithoutTitle;
  const decide = async (decision: "GO" | "NO_GO" | "DEFER") => {
    if (await send({ type: "gate.decide", gateId: gate.id, decision, rationale })) setRationale("");
  };
  return (
    <div className="mt-2 space-y-2 text-xs">
      <p className="text-slate-700 dark:text-slate-300">Decision maker: {gate.decisionMakerRole ?? "the plan's lead"}</p>
      {status.decision ? (
        <ul>
          <SignatureLine signature={status.decision} late={late(status.decision)} />
        </ul>
      ) : (
        <p className="text-slate-700 dark:text-slate-300">No decision yet.</p>
      )}
      {mayDecide && (signing.role === "APPROVER" || signing.role === "LEAD") ? (
        <div className="space-y-2">
          {status.decision?.userId === signing.userId ? <p className="text-slate-700 dark:text-slate-300">Deciding again replaces your decision above.</p> : null}
          <label className="block">
            Rationale
            <textarea className={fieldStyles.input} rows={2} value={rationale} onChange={(event) => setRationale(event.target.value)} />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonStyles.primary} disabled={busy || !rationale.trim()} onClick={() => decide("GO")}>
              GO
            </button>
            <button type="button" className={buttonStyles.danger} disabled={busy || !rationale.trim()} onClick={() => decide("NO_GO")}>
              NO-GO
            </button>
            <button type="button" className={buttonStyles.secondary} disabled={busy || !rationale.trim()} onClick={() => decide("DEFER")}>
              DEFER
            </button>
          </div>
          <Refusal message={refusal} />
        </div>
      ) : null}
    </div>
  );
}
