import type { PlanRoleName } from "@/lib/plan-state/permissions";
import type { GateKindName } from "@/lib/signoffs/gate-rules";

/**
 * Whether a plan can be run as written by its own people, checked before Schedule and Start.
 * Pure: the one writer refuses Schedule and Start with it, the plan page lists it live, and
 * the problems are worded for the lead who has to fix them (on the members page, mostly).
 */
export interface ReadinessGate {
  id: string;
  kind: GateKindName;
  title: string;
  decisionMakerRole: string | null;
  roles: readonly { title: string; quorum: number }[];
}

export interface ReadinessMember {
  userId: string;
  name: string;
  role: PlanRoleName;
  titles: readonly string[];
}

export interface ReadinessItem {
  id: string;
  text: string;
  /** The item's metric as stored; a measured step has one, with a numeric target. */
  metric: { target?: unknown } | null;
}

export interface ReadinessInput {
  gates: readonly ReadinessGate[];
  members: readonly ReadinessMember[];
  allowSelfApproval: boolean;
  items: readonly ReadinessItem[];
}

export type ReadinessProblem =
  | { kind: "title-unheld"; title: string; gateTitles: string[]; message: string }
  | { kind: "gate-unsatisfiable"; gateId: string; gateTitle: string; message: string }
  | { kind: "measure-without-target"; itemId: string; text: string; message: string };

/**
 * "Error rate: __ %" with no target: a blank to fill after a colon, followed by a unit (a bare
 * "Backup location: ____" asks for text, not a measurement), where the importer found no metric.
 * Bounded runs around one run of underscores per colon: linear time.
 */
const FILL_IN_MEASURE = /:[ \t]{0,20}_{2,}[ \t]{0,5}(?:ms|msec|milliseconds?|%|percent|s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|rps|req\/s|qps|kb|mb|gb|tb)(?![a-z])/i;

function isMeasuredWithoutTarget(item: ReadinessItem): boolean {
  if (item.metric) return typeof item.metric.target !== "number" || !Number.isFinite(item.metric.target);
  return FILL_IN_MEASURE.test(item.text.slice(0, 2000));
}

/** Who may give a signature that counts for this title: approvers holding it, and the lead only where self-approval is allowed. */
function eligibleHolders(title: string, members: readonly ReadinessMember[], allowSelfApproval: boolean): ReadinessMember[] {
  return members.filter((member) => member.titles.includes(title) && (member.role === "APPROVER" || (member.role === "LEAD" && allowSelfApproval)));
}

/** Why a title's holders cannot sign, when some hold it but none may sign for it. */
function whyHoldersCannotSign(title: string, members: readonly ReadinessMember[]): string {
  const holders = members.filter((member) => member.titles.includes(title));
  const leads = holders.filter((member) => member.role === "LEAD");
  if (leads.length === holders.length) {
    return `only the plan's lead (${names(leads)}) holds ${title}, and the plan does not allow self-approval`;
  }
  return `${names(holders)} hold${holders.length === 1 ? "s" : ""} ${title} but ${holders.length === 1 ? "is not an approver" : "none is an approver"}`;
}

/** Every problem that keeps the plan from being run by its own people, in plan order: titles, gates, measured steps. */
export function planReadiness(input: ReadinessInput): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  const held = new Set(input.members.flatMap((member) => member.titles));

  const gatesByTitle = new Map<string, string[]>();
  for (const gate of input.gates) {
    const titles = [...gate.roles.map((role) => role.title), ...(gate.decisionMakerRole ? [gate.decisionMakerRole] : [])];
    for (const title of new Set(titles)) gatesByTitle.set(title, [...(gatesByTitle.get(title) ?? []), gate.title]);
  }
  for (const [title, gateTitles] of gatesByTitle) {
    if (held.has(title)) continue;
    problems.push({ kind: "title-unheld", title, gateTitles, message: `Nobody on this plan holds ${title} (needed by ${gateTitles.map((name) => `“${name}”`).join(" and ")}).` });
  }

  for (const gate of input.gates) {
    const reasons: string[] = [];
    for (const role of gate.roles) {
      if (!held.has(role.title)) continue; // already listed as a title nobody holds
      const eligible = eligibleHolders(role.title, input.members, input.allowSelfApproval);
      if (!eligible.length) reasons.push(whyHoldersCannotSign(role.title, input.members));
      else if (eligible.length < role.quorum) {
        reasons.push(`${role.quorum} ${role.title} approvals are needed but only ${eligible.length} member${eligible.length === 1 ? "" : "s"} can give one`);
      }
    }
    const maker = gate.kind === "GO_NO_GO" ? gate.decisionMakerRole : null;
    if (maker && held.has(maker) && !eligibleHolders(maker, input.members, input.allowSelfApproval).length) {
      reasons.push(`${whyHoldersCannotSign(maker, input.members)}, so nobody can say GO`);
    }
    if (reasons.length) {
      problems.push({ kind: "gate-unsatisfiable", gateId: gate.id, gateTitle: gate.title, message: `“${gate.title}” can never be satisfied: ${reasons.join("; ")}.` });
    }
  }

  for (const item of input.items) {
    if (!isMeasuredWithoutTarget(item)) continue;
    problems.push({ kind: "measure-without-target", itemId: item.id, text: item.text, message: `“${shorten(item.text)}” asks for a measured value but has no target.` });
  }
  return problems;
}

/** "Schedule is refused: …", one sentence per problem, for the 409 and the activity feed. */
export function describeReadiness(action: "Schedule" | "Start", problems: readonly ReadinessProblem[]): string {
  return `${action} is refused until the plan is ready: ${problems.map((problem) => problem.message).join(" ")}`;
}

function names(members: readonly ReadinessMember[]): string {
  const list = members.map((member) => member.name);
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

function shorten(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
