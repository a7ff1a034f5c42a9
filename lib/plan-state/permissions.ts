/**
 * Who may do what on a plan, by plan role. Pure; the one writer asks it before every change
 * and the UI asks it only to decide which controls to show.
 */
export type PlanRoleName = "LEAD" | "EXECUTOR" | "APPROVER" | "VIEWER";
export type PlanAction = "read" | "tick" | "comment" | "run";

const ALLOWED: Record<PlanRoleName, ReadonlySet<PlanAction>> = {
  LEAD: new Set(["read", "tick", "comment", "run"]),
  EXECUTOR: new Set(["read", "tick", "comment"]),
  APPROVER: new Set(["read", "comment"]),
  VIEWER: new Set(["read"]),
};

/** Instance admins may read every plan; acting on one needs a plan role. */
export function mayPerform(role: PlanRoleName | null, action: PlanAction, options: { isAdmin?: boolean } = {}): boolean {
  if (!role) return action === "read" && Boolean(options.isAdmin);
  return ALLOWED[role].has(action);
}

export function actionForChange(type: "item.status" | "item.measurement" | "item.comment" | "plan.lifecycle"): PlanAction {
  if (type === "item.comment") return "comment";
  if (type === "plan.lifecycle") return "run";
  return "tick";
}
