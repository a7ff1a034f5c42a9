import { exportPlanMarkdown } from "@/lib/import/export-plan-markdown";
import { planDocumentSchema } from "@/lib/plan-document/schema";
import { AppError } from "@/lib/errors";
import { getPlanForUser } from "@/lib/plans/get-plan";
import { decisionsInForce, documentWithOverrides, documentWithRunRecord, documentWithState, documentWithWindow } from "@/lib/plans/plan-document-with-state";
import { db } from "@/lib/db";
import { isLateSignature, type GateBlocksName } from "@/lib/signoffs/gate-blocks";
import { loadGateOverrides } from "@/lib/signoffs/read-overrides";
import { gateStatusesByDocumentKey } from "@/lib/signoffs/plan-gate-statuses";
import { documentWithPlanning } from "@/lib/planning/document-with-planning";
import { documentWithChecks } from "@/lib/checks/document-with-checks";
import { readItemPlanning } from "@/lib/planning/read-item-planning";
import { documentWithDependencyOverrides, loadDependencyOverrides } from "@/lib/planning/dependency-overrides";

/** The plan as Markdown with its current state, and a file name for the download. */
export async function exportPlanAsMarkdown(planId: string, user: { id: string; role: "ADMIN" | "MEMBER" }): Promise<{ fileName: string; markdown: string }> {
  const plan = await getPlanForUser(planId, user);
  const parsed = planDocumentSchema.safeParse(plan.document);
  if (!parsed.success) throw new AppError("unprocessable", "This plan's stored document could not be read, so it cannot be exported.");
  const blocksByGateId = new Map(plan.gates.map((gate) => [gate.id, gate.blocks as GateBlocksName]));
  const times = { status: plan.status, startedAt: plan.startedAt?.toISOString() ?? null, finishedAt: plan.finishedAt?.toISOString() ?? null };
  const [gateStatuses, overrides, planning, members, dependencyOverrides] = await Promise.all([
    gateStatusesByDocumentKey(plan),
    loadGateOverrides(db(), plan.id),
    readItemPlanning(db(), plan.id),
    db().planMember.findMany({ where: { planId: plan.id }, select: { userId: true, user: { select: { name: true } } } }),
    loadDependencyOverrides(db(), plan.id),
  ]);
  const texts = new Map(plan.items.map((item) => [item.id, item.text]));
  const names = new Map(members.map((member) => [member.userId, member.user.name]));
  const withState = documentWithState(
    documentWithChecks(documentWithPlanning(parsed.data, plan, planning, (userId) => names.get(userId)), plan),
    plan.items.map((row) => ({ ...row, changedBy: row.statusBy?.name ?? row.statusByName })),
    gateStatuses,
    (signature) => isLateSignature(blocksByGateId.get(signature.gateId) ?? "COMPLETE", signature, times),
  );
  const withOverrides = documentWithDependencyOverrides(documentWithOverrides(documentWithWindow(withState, plan), overrides), dependencyOverrides, (id) => texts.get(id));
  const document = documentWithRunRecord(withOverrides, {
    status: plan.status,
    startedAt: plan.startedAt,
    finishedAt: plan.finishedAt,
    rollbackReason: plan.rollbackReason,
    decisions: decisionsInForce(gateStatuses, new Map(plan.gates.map((gate) => [gate.documentKey, gate.title]))),
  });
  const slug = plan.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "plan";
  return { fileName: `${slug}.md`, markdown: exportPlanMarkdown(document) };
}
