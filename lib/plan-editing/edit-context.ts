import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanDocument } from "@/lib/plan-document/schema";
import type { OutlineContent } from "@/lib/plan-editing/document-from-outline";
import { decideStructuralEdit, type StructuralEditRequest } from "@/lib/plan-editing/edit-rules";
import type { Outline } from "@/lib/plan-editing/outline";
import { documentEntries } from "@/lib/plan-editing/snapshots";
import { loadStructure } from "@/lib/plan-editing/structure-store";
import type { RemovedSubtree, StructureEventPayload } from "@/lib/plan-editing/structure-events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

/** What one structural edit works on: the plan (locked), its outline and document as read in the transaction. */
export interface EditContext {
  tx: Tx;
  plan: LockedPlan;
  at: Date;
  outline: Outline;
  document: PlanDocument;
  entries: ReturnType<typeof documentEntries>;
  itemCreatedAt: Map<string, Date>;
  /** Set when the edit is an undo: the sequence number of the edit it reverts. */
  undoOf?: number;
}

export interface EditResult {
  outline: Outline;
  content?: OutlineContent;
  /** Applied to the rebuilt document (an undone section removal brings its tables back). */
  finishDocument?: (document: PlanDocument) => PlanDocument;
  event: (after: Outline) => StructureEventPayload;
  afterStore?: () => Promise<Partial<StructureEventPayload>>;
}

export async function openEditContext(tx: Tx, plan: LockedPlan, at: Date, undoOf?: number): Promise<EditContext> {
  const { outline, document, itemCreatedAt } = await loadStructure(tx, plan.id);
  return { tx, plan, at, outline, document, entries: documentEntries(document), itemCreatedAt, ...(undoOf !== undefined ? { undoOf } : {}) };
}

/** Undo of a removal: put the removed subtree back where it was. */
export interface RestoreEdit {
  type: "restore";
  removed: RemovedSubtree;
  kind: "section" | "item";
}

/** Refuses with 409 and the reason what the rules by status (edit-rules.ts) do not allow. */
export function allow(context: EditContext, request: Omit<StructuralEditRequest, "planStatus" | "undo">): void {
  const decision = decideStructuralEdit({ ...request, planStatus: context.plan.status, undo: context.undoOf !== undefined });
  if (!decision.ok) throw new AppError("conflict", decision.message);
}

export const running = (context: EditContext) => context.plan.status === "IN_PROGRESS" || context.plan.status === "ROLLING_BACK";

export function rollbackKeys(context: EditContext): Set<string> {
  return new Set(context.document.rollback.procedureSectionIds);
}
