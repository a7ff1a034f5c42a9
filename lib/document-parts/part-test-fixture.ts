import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { partHash } from "@/lib/document-parts/part-hash";
import { gateSnapshot } from "@/lib/document-parts/write-document-part";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import type { Actor } from "@/lib/plan-state/plan-access";
import { planDocumentSchema, type PlanTable } from "@/lib/plan-document/schema";

/** What an edit of each document part names: ids and the hashes an editor would have loaded. */
export interface PartFixture {
  gateHash: string;
  tableId: string;
  tableHash: string;
  messageId: string;
  messageHash: string;
}

const CONTACTS: PlanTable = { id: "t-contacts", sectionId: null, kind: "contacts", rows: [{ role: "On-call", name: "Sam", phone: "+1 555 0100", extra: [] }] };

/**
 * Gives a plan one rollback trigger ("Error rate above 2%"), one message and a contact table,
 * for tests of the document part changes. The trigger and the message go through the one
 * writer as the lead; the table is written into the document, as an import would bring it
 * (there is no change that adds a table).
 */
export async function preparePartFixture(planId: string, lead: Actor, gateId: string): Promise<PartFixture> {
  await applyPlanChange(lead, planId, { type: "trigger.add", text: "Error rate above 2%" });
  await applyPlanChange(lead, planId, { type: "comms.add", name: "Starting", subject: "Rollout starting", body: "We start now." });
  const plan = await db().plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } });
  const document = planDocumentSchema.parse(plan.document);
  await db().plan.update({ where: { id: planId }, data: { document: { ...document, tables: [...document.tables, CONTACTS] } as unknown as Prisma.InputJsonValue } });
  const gate = await db().gate.findUniqueOrThrow({ where: { id: gateId }, select: { title: true, decisionMakerRole: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } } });
  const message = document.commsTemplates.at(-1)!;
  return { gateHash: partHash(gateSnapshot(gate)), tableId: CONTACTS.id, tableHash: partHash(CONTACTS), messageId: message.id, messageHash: partHash(message) };
}
