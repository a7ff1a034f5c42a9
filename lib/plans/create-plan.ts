import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import { notifyDashboards } from "@/lib/realtime/broadcast";
import { findLeadAccount } from "@/lib/plans/plan-lead";
import { timeColumnsOf } from "@/lib/plans/time-columns";
import { gateRows, planColumnsOf, sectionAndItemRows } from "@/lib/plans/plan-rows";
import type { InitialMember } from "@/lib/templates/initial-members";
import { writeImportedPlanning } from "@/lib/planning/imported-planning";

/**
 * Creates a plan from a plan document: the plan, its sections, items and gates in one
 * transaction, so an import either fully exists or not at all. Its creator leads it, and so
 * does the lead its header names when that is a known person.
 */
export async function createPlanFromDocument(input: {
  document: PlanDocument;
  createdById: string;
  members?: readonly InitialMember[];
  /** People the document names as owners whom the importer agreed to add to the plan (lib/planning/import-owners.ts). */
  confirmedOwnerIds?: readonly string[];
}) {
  const document = planDocumentSchema.parse(input.document);
  const { sections, items } = sectionAndItemRows(document);
  const gates = gateRows(document);

  const columns = planColumnsOf(document);
  // A lead the header names who has an account leads the plan too, under their account's name.
  // Looked up before the transaction, which stays as short as the writes.
  const namedLead = await findLeadAccount(columns.deployLead);

  const plan = await db().$transaction(async (tx) => {
    const leads = [...new Set([input.createdById, ...(namedLead ? [namedLead.id] : [])])];
    const plan = await tx.plan.create({
      data: {
        ...columns,
        ...(namedLead ? { deployLead: namedLead.name } : {}),
        ...timeColumnsOf(document),
        document: document as unknown as Prisma.InputJsonValue,
        createdById: input.createdById,
        // The creator leads it, with the lead its header names when that is a known person; a plan
        // from a template starts with the people picked for it (lib/templates/initial-members.ts).
        members: {
          create: input.members?.length
            ? input.members.map(({ userId, role, titles }) => ({ userId, role, titles }))
            : leads.map((userId) => ({ userId, role: "LEAD" as const })),
        },
      },
      select: { id: true, title: true },
    });
    if (sections.length) await tx.planSection.createMany({ data: sections.map((row) => ({ ...row, planId: plan.id })) });
    if (items.length) {
      await tx.planItem.createMany({
        data: items.map(({ metric, httpCheck, ...row }) => ({
          ...row,
          planId: plan.id,
          metric: metric ?? undefined,
          httpCheck: httpCheck ?? undefined,
        })),
      });
    }
    for (const { roles, ...gate } of gates) {
      await tx.gate.create({ data: { ...gate, planId: plan.id, roles: { create: roles } } });
    }
    await writeImportedPlanning(tx, plan.id, document, { sections, items }, new Set(input.confirmedOwnerIds ?? []));
    return plan;
  });
  notifyDashboards();
  return plan;
}
