import type { GateConfig, GateKindName, GateStatus, SignatureLiveState } from "@/lib/signoffs/gate-rules";

/**
 * Which lifecycle action a sign-off gate holds back, and what it lacks. Pure: the importer
 * derives the default, the one writer refuses a blocked Start or Complete with it, and the
 * pages and the export mark signatures that came after the action they should have gated.
 */
export type GateBlocksName = "START" | "COMPLETE";
export type GatedAction = "start" | "complete";

export const GATED_ACTION: Record<GatedAction, GateBlocksName> = { start: "START", complete: "COMPLETE" };
const ACTION_LABEL: Record<GateBlocksName, string> = { START: "Start", COMPLETE: "Complete" };

// Bounded alternations on a title of at most a few hundred characters: linear time.
const BEFORE_NAME = /\bpre[- ]?deploy|\bgo[ /-]*no[ -]*go\b|\breadiness\b|\bbefore (?:the )?(?:deploy|release|start)/i;
const AFTER_NAME = /\bpost[- ]?deploy|\bverification\b|\bafter (?:the )?(?:deploy|release)|\bclose[- ]?out\b|\bhand[- ]?over\b/i;

/**
 * The default for a gate: Go/No-Go decisions and pre-deployment sign-offs hold back Start,
 * post-deployment sign-offs hold back Complete. A gate of no named kind goes by its title,
 * then by where it sits: before the deployment phase it holds back Start, anywhere else
 * (typically the closing "Sign-Off" section) Complete.
 */
export function defaultGateBlocks(gate: { kind: GateKindName; title: string }, place: { beforeDeploymentPhase: boolean }): GateBlocksName {
  if (gate.kind === "GO_NO_GO" || gate.kind === "PRE_DEPLOYMENT") return "START";
  if (gate.kind === "POST_DEPLOYMENT") return "COMPLETE";
  const title = gate.title.slice(0, 300);
  if (BEFORE_NAME.test(title)) return "START";
  if (AFTER_NAME.test(title)) return "COMPLETE";
  return place.beforeDeploymentPhase ? "START" : "COMPLETE";
}

const DEPLOYMENT_PHASE = /\b(?:deploy(?:ment)?|roll[- ]?out|release|cut[- ]?over|go[- ]live)\b/i;
const NOT_DEPLOYMENT_PHASE = /\b(?:pre|post|prepar\w*|before|after|rollback|roll back|verif\w*|monitor\w*|sign[- ]?off)\b|\bpre-|\bpost-/i;

/**
 * Whether a gate's top-level section comes before the deployment phase: the first top-level
 * section named like "Deployment", "Rollout" or "Release" and not "Pre-…"/"Post-…". Without
 * such a phase, or without a section, nothing is "before" it.
 */
export function isBeforeDeploymentPhase(topLevelTitles: readonly string[], gateTopLevelIndex: number | null): boolean {
  if (gateTopLevelIndex === null) return false;
  const phase = topLevelTitles.findIndex((title) => DEPLOYMENT_PHASE.test(title.slice(0, 300)) && !NOT_DEPLOYMENT_PHASE.test(title.slice(0, 300)));
  return phase >= 0 && gateTopLevelIndex < phase;
}

export interface GateHold {
  gateId: string;
  title: string;
  /** What the gate lacks, each a short clause ("QA Lead has not approved (1 of 1 needed)"). */
  missing: string[];
}

/** What keeps a gate from being satisfied, in words a lead can act on. */
export function missingForGate(gate: GateConfig, status: GateStatus): string[] {
  const missing: string[] = [];
  if (gate.kind === "GO_NO_GO") {
    const decision = status.decision;
    const maker = gate.decisionMakerRole ? `the ${gate.decisionMakerRole}` : "the lead";
    if (!decision) missing.push(`${maker} has not said GO yet`);
    else if (decision.stale) missing.push(`the GO decision is stale: the checklist changed after it`);
    else if (decision.decision !== "GO") missing.push(`${maker} says ${decision.decision === "NO_GO" ? "NO-GO" : "DEFER"}`);
  }
  for (const role of status.roles) {
    if (role.state === "signed") continue;
    if (role.state === "rejected") {
      const by = role.rejections[0];
      missing.push(`${role.title} rejected it${by ? ` (${by.userName}${by.comment ? `: ${by.comment}` : ""})` : ""}`);
    } else if (role.state === "stale") {
      missing.push(`${role.title}'s approval is stale: the checklist changed after signing`);
    } else {
      missing.push(`${role.title} has not approved (${role.quorum - role.approvals.length} of ${role.quorum} needed)`);
    }
  }
  const open = status.openRequiredItemIds.length;
  if (open) missing.push(`${open} required item${open === 1 ? " is" : "s are"} not done`);
  return missing;
}

export interface ActionBlock {
  message: string;
  holds: GateHold[];
}

/**
 * Why a Start or a Complete may not happen now, or null: every gate that holds back this
 * action and is not satisfied, named with what it lacks.
 */
export function gatedActionBlockedBy(action: GatedAction, gates: readonly { gate: GateConfig; status: GateStatus }[]): ActionBlock | null {
  const blocks = GATED_ACTION[action];
  const holds = gates
    .filter(({ gate, status }) => gate.blocks === blocks && status.state !== "satisfied")
    .map(({ gate, status }): GateHold => ({ gateId: gate.id, title: gate.title, missing: missingForGate(gate, status) }));
  if (!holds.length) return null;
  const clauses = holds.map((hold) => `“${hold.title}”: ${capitalise(hold.missing.join("; ") || "it is not satisfied")}`);
  return { message: `${ACTION_LABEL[blocks]} is blocked by ${clauses.join(". Also by ")}.`, holds };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A signature is late when it came after the action its gate should have held back: after
 * the start for a Start gate, after the completion for a Complete gate. Derived from the
 * times, so it needs no stored flag and holds for signatures given before this rule existed.
 */
export function isLateSignature(blocks: GateBlocksName, signature: Pick<SignatureLiveState, "at">, plan: { status: string; startedAt: string | null; finishedAt: string | null }): boolean {
  const at = Date.parse(signature.at);
  if (blocks === "START") return plan.startedAt !== null && at > Date.parse(plan.startedAt);
  return plan.status === "COMPLETE" && plan.finishedAt !== null && at > Date.parse(plan.finishedAt);
}

/** What a lead may do over unsatisfied gates or a failed readiness check: Schedule only over the readiness check. */
export type OverrideActionName = GateBlocksName | "SCHEDULE";

/**
 * The readiness check (lib/readiness/plan-readiness.ts) passed over by an override is kept as
 * one more "gate" of the record, under this id, with its problems as what it lacked.
 */
export const READINESS_HOLD_ID = "readiness";

/** What the plan page, the big screen, the export and the report say about an override. */
export interface GateOverrideRecord {
  id: string;
  action: OverrideActionName;
  reason: string;
  gates: GateHold[];
  byName: string;
  at: string;
}

const OVERRIDE_VERB: Record<OverrideActionName, string> = { SCHEDULE: "Scheduled", START: "Started", COMPLETE: "Completed" };

/** "Started without the QA Lead's sign-off: <reason>"; "Started without a passed readiness check (…): <reason>" */
export function describeOverride(override: Pick<GateOverrideRecord, "action" | "reason" | "gates">): string {
  const readiness = override.gates.find((gate) => gate.gateId === READINESS_HOLD_ID);
  const gates = override.gates.filter((gate) => gate.gateId !== READINESS_HOLD_ID);
  const lacking = gates.flatMap((gate) => titlesLacking(gate));
  const parts: string[] = [];
  if (lacking.length) parts.push(`${joinNames([...new Set(lacking)].map((title) => `the ${title}'s`))} sign-off`);
  else if (gates.length) parts.push(gates.map((gate) => `“${gate.title}”`).join(" and "));
  if (readiness) parts.push(`a passed readiness check${readiness.missing.length ? ` (${readiness.missing.join(" ")})` : ""}`);
  return `${OVERRIDE_VERB[override.action]} without ${parts.join(" and ")}: ${override.reason}`;
}

/** The titles (or decision maker) a gate was missing, read back from its clauses. */
function titlesLacking(gate: GateHold): string[] {
  return gate.missing.flatMap((clause) => {
    const role = /^(.{1,100}?)(?: has not approved| rejected it|'s approval is stale)/.exec(clause);
    if (role?.[1]) return [role[1]];
    const maker = /^the (.{1,100}?) (?:has not said GO|says )/.exec(clause);
    return maker?.[1] && maker[1] !== "lead" ? [maker[1]] : [];
  });
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
