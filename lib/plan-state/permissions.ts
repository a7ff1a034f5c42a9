/**
 * Who may do what on a plan, by plan role. Pure; the one writer asks it before every change
 * and the UI asks it only to decide which controls to show.
 */
export type PlanRoleName = "LEAD" | "EXECUTOR" | "APPROVER" | "VIEWER";
/**
 * run: start, complete, roll back; edit: the plan's settings and gates; restructure: its
 * sections and steps (add, edit, move, remove, undo); manage: members and share links.
 */
export type PlanAction = "read" | "tick" | "comment" | "run" | "edit" | "restructure" | "sign" | "manage";

const ALLOWED: Record<PlanRoleName, ReadonlySet<PlanAction>> = {
  LEAD: new Set(["read", "tick", "comment", "run", "edit", "restructure", "sign", "manage"]),
  EXECUTOR: new Set(["read", "tick", "comment"]),
  // Which gates an approver (or lead) may sign is decided by their titles: lib/signoffs/gate-rules.ts.
  APPROVER: new Set(["read", "comment", "sign"]),
  VIEWER: new Set(["read"]),
};

/** Instance admins may read every plan; acting on one needs a plan role. */
export function mayPerform(role: PlanRoleName | null, action: PlanAction, options: { isAdmin?: boolean } = {}): boolean {
  if (!role) return action === "read" && Boolean(options.isAdmin);
  return ALLOWED[role].has(action);
}

const ACTION_BY_CHANGE = {
  "item.status": "tick",
  "item.measurement": "tick",
  "item.comment": "comment",
  "plan.lifecycle": "run",
  "plan.edit": "edit",
  "gate.configure": "edit",
  "gate.sign": "sign",
  "gate.decide": "sign",
  "member.set": "manage",
  "member.remove": "manage",
  "share.create": "manage",
  "share.revoke": "manage",
  "plan.window": "edit",
  downtime: "run",
  "item.flag": "edit",
  "check.status": "tick",
  "item.plan": "edit",
  "section.add": "restructure",
  "section.edit": "restructure",
  "section.move": "restructure",
  "section.remove": "restructure",
  "item.add": "restructure",
  "item.edit": "restructure",
  "item.move": "restructure",
  "item.remove": "restructure",
  "plan.undo": "restructure",
  "gate.edit": "edit",
  "trigger.add": "restructure",
  "trigger.edit": "restructure",
  "trigger.remove": "restructure",
  "table.edit": "restructure",
  "comms.add": "restructure",
  "comms.edit": "restructure",
  "comms.remove": "restructure",
  "item.check": "edit",
  "table.add": "restructure",
  "table.remove": "restructure",
  "gate.add": "restructure",
  "gate.remove": "restructure",
  // Speaking for the run to stakeholders is the lead's, like starting and completing it.
  "status-update.post": "run",
} as const satisfies Record<string, PlanAction>;

export type PlanChangeType = keyof typeof ACTION_BY_CHANGE;

export function actionForChange(type: PlanChangeType): PlanAction {
  return ACTION_BY_CHANGE[type];
}
