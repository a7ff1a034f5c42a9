import type { DatabaseOrTransaction } from "@/lib/db";
import type { PlanRoleName } from "@/lib/plan-state/permissions";
import { planReadiness, type ReadinessProblem } from "@/lib/readiness/plan-readiness";
import { loadGateConfigs } from "@/lib/signoffs/read-signoffs";

/** The plan's readiness problems now, read from the database (the writer passes its transaction). */
export async function loadPlanReadiness(client: DatabaseOrTransaction, planId: string): Promise<ReadinessProblem[]> {
  const [gates, members, plan, items] = await Promise.all([
    loadGateConfigs(client, planId),
    client.planMember.findMany({ where: { planId }, orderBy: { createdAt: "asc" }, select: { userId: true, role: true, titles: true, user: { select: { name: true } } } }),
    client.plan.findUnique({ where: { id: planId }, select: { allowSelfApproval: true } }),
    client.planItem.findMany({ where: { planId }, orderBy: { position: "asc" }, select: { id: true, text: true, metric: true } }),
  ]);
  return planReadiness({
    gates,
    members: members.map((member) => ({ userId: member.userId, name: member.user.name, role: member.role as PlanRoleName, titles: member.titles })),
    allowSelfApproval: plan?.allowSelfApproval ?? false,
    items: items.map((item) => ({ id: item.id, text: item.text, metric: isObject(item.metric) ? item.metric : null })),
  });
}

function isObject(value: unknown): value is { target?: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
