import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { notifyDashboards } from "@/lib/realtime/broadcast";
import { timeColumnsOf } from "@/lib/plans/time-columns";
import { gateRows, planColumnsOf, sectionAndItemRows } from "@/lib/plans/plan-rows";
import type { InitialMember } from "@/lib/templates/initial-members";

/**
 * Creates a plan from a plan document: the plan, its sections, items and gates in one
 * transaction, so an import either fully exists or not at all. Its creator leads it.
 */
export async function createPlanFromDocument(input: { document: PlanDocument; createdById: string; members?: readonly InitialMember[] }) {
  const document = planDocumentSchema.parse(input.document);
  const { sections, items } = sectionAndItemRows(document);
  const gates = gateRows(document);

  const plan = await db().$transaction(async (tx) => {
    const plan = await tx.plan.create({
      data: {
        ...planColumnsOf(document),
        ...timeColumnsOf(document),
        document: document as unknown as Prisma.InputJsonValue,
        createdById: input.createdById,
        // The creator leads it; a plan from a template may start with more people (lib/templates/initial-members.ts).
        members: { create: input.members?.length ? input.members.map(({ userId, role, titles }) => ({ userId, role, titles })) : [{ userId: input.createdById, role: "LEAD" }] },
      },
      select: { id: true, title: true },
    });
    if (sections.length) await tx.planSection.createMany({ data: sections.map((row) => ({ ...row, planId: plan.id })) });
    if (items.length) {
      await tx.planItem.createMany({
        data: items.map(({ metric, ...row }) => ({
          ...row,
          planId: plan.id,
          metric: metric ?? undefined,
        })),
      });
    }
    for (const { roles, ...gate } of gates) {
      await tx.gate.create({ data: { ...gate, planId: plan.id, roles: { create: roles } } });
    }
    return plan;
  });
  notifyDashboards();
  return plan;
}
