import type { Prisma } from "@/lib/generated/prisma/client";
import { describeDocumentPartEvent, documentPartBeforeAndAfter } from "@/lib/document-parts/describe-part-event";
import { DOCUMENT_PART_EVENT_TYPES, type DocumentPartEventPayload } from "@/lib/document-parts/part-events";
import type { StructuralEdit } from "@/lib/plan-history/list-structural-edits";

/** Edits of the plan's gates, triggers, tables and messages as the Changes view lists them, newest first. */
export async function readDocumentPartEdits(tx: Prisma.TransactionClient, planId: string, limit: number): Promise<StructuralEdit[]> {
  const rows = await tx.planEvent.findMany({
    where: { planId, type: { in: [...DOCUMENT_PART_EVENT_TYPES] } },
    orderBy: { seq: "desc" },
    take: limit,
    select: { seq: true, createdAt: true, payload: true, actor: { select: { name: true } } },
  });
  return rows.map((row) => {
    const payload = row.payload as unknown as { actor: { name: string } | null; event: DocumentPartEventPayload };
    const actor = row.actor?.name ?? payload.actor?.name ?? "Someone";
    const [before, after] = documentPartBeforeAndAfter(payload.event);
    return { seq: row.seq, at: row.createdAt.toISOString(), actor, type: payload.event.type, description: describeDocumentPartEvent(actor, payload.event), before, after, undoOf: payload.event.undoOf ?? null };
  });
}
