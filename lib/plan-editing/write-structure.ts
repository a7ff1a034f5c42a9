import { randomBytes, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { attachmentsOf, documentFromOutline, headingOf } from "@/lib/plan-editing/document-from-outline";
import type { ItemAdd, ItemEdit, ItemMove, ItemRemove, SectionAdd, SectionEdit, SectionMove, SectionRemove, StructuralChange } from "@/lib/plan-editing/edit-change-schema";
import { allow, openEditContext, rollbackKeys, running, type EditContext, type EditResult, type RestoreEdit } from "@/lib/plan-editing/edit-context";
import { itemSubtree, placeItem, placeSection, removeFromOutline, sectionSubtree, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";
import { commandsOf, newStep } from "@/lib/plan-editing/new-step";
import { restore } from "@/lib/plan-editing/restore-removed";
import { itemSnapshot, sectionSnapshot } from "@/lib/plan-editing/snapshots";
import { storeStructure } from "@/lib/plan-editing/structure-store";
import type { RemovedSubtree, StructureEventPayload } from "@/lib/plan-editing/structure-events";
import type { LockedPlan } from "@/lib/plan-state/lock-plan";

type Tx = Prisma.TransactionClient;

/**
 * Structural edits of a plan (sections and steps added, changed, moved, removed), inside the
 * one writer's transaction under the plan's lock. Each computes the new outline with the
 * pure functions of outline.ts, checks the rules of edit-rules.ts and the version the editor
 * saw, then stores rows and document together (see document-from-outline.ts for why both)
 * and returns the event with the section or step before and after.
 */
export async function writeStructuralChange(tx: Tx, plan: LockedPlan, change: StructuralChange, at: Date): Promise<StructureEventPayload> {
  return commitEdit(await openEditContext(tx, plan, at), change);
}

/** Runs one edit in an open context and stores it; undo uses this with the reverting edit. */
export async function commitEdit(context: EditContext, change: StructuralChange | RestoreEdit): Promise<StructureEventPayload> {
  const result = editFor(context, change);
  const document = (result.finishDocument ?? ((unchanged: PlanDocument) => unchanged))(documentFromOutline(context.document, result.outline, result.content));
  await storeStructure(context.tx, context.plan.id, context.outline, result.outline, document, context.at);
  const extra = (await result.afterStore?.()) ?? {};
  return { ...result.event(result.outline), ...extra, ...(context.undoOf !== undefined ? { undoOf: context.undoOf } : {}) } as StructureEventPayload;
}

function editFor(context: EditContext, change: StructuralChange | RestoreEdit): EditResult {
  switch (change.type) {
    case "section.add":
      return addSection(context, change);
    case "section.edit":
      return editSection(context, change);
    case "section.move":
      return moveSection(context, change);
    case "section.remove":
      return removeSection(context, change);
    case "item.add":
      return addItem(context, change);
    case "item.edit":
      return editItem(context, change);
    case "item.move":
      return moveItem(context, change);
    case "item.remove":
      return removeItem(context, change);
    case "restore":
      return restore(context, change);
  }
}

const newDocumentKey = () => `n${randomBytes(6).toString("hex")}`;

function findSection(context: EditContext, sectionId: string): OutlineSection {
  const section = context.outline.sections.find((row) => row.id === sectionId);
  if (!section) throw new AppError("not_found", "This section is not part of the plan.");
  return section;
}

function findItem(context: EditContext, itemId: string): OutlineItem {
  const item = context.outline.items.find((row) => row.id === itemId);
  if (!item) throw new AppError("not_found", "This step is not part of the plan.");
  return item;
}

/** Someone changed it since the editor loaded it: 409 with its fresh state, as for ticks. */
function checkSectionVersion(context: EditContext, section: OutlineSection, expected: number): void {
  if (section.version !== expected) {
    throw new AppError("conflict", `Someone changed the section “${section.title}” first. It now shows their update.`, { section: sectionSnapshot(context.outline, section) });
  }
}

function checkItemVersion(context: EditContext, item: OutlineItem, expected: number): void {
  if (item.version !== expected) {
    throw new AppError("conflict", `Someone changed “${item.text}” first. It now shows their update.`, { item: itemSnapshot(context.outline, item, context.entries.items.get(item.documentKey)) });
  }
}

function addSection(context: EditContext, change: SectionAdd): EditResult {
  allow(context, { type: change.type });
  const row: OutlineSection = {
    id: randomUUID(),
    documentKey: newDocumentKey(),
    parentId: change.parentSectionId ?? null,
    level: 2,
    title: change.title,
    plannedDurationMinutes: null,
    isRollback: false,
    version: 0,
  };
  const outline = placeSection(context.outline, row, { parentId: row.parentId, afterId: change.afterSectionId }, rollbackKeys(context));
  return { outline, event: (after) => ({ type: "section.added", section: sectionSnapshot(after, after.sections.find((section) => section.id === row.id)!) }) };
}

function editSection(context: EditContext, change: SectionEdit): EditResult {
  const section = findSection(context, change.sectionId);
  checkSectionVersion(context, section, change.expectedVersion);
  allow(context, { type: change.type });
  const updated: OutlineSection = {
    ...section,
    title: change.title ?? section.title,
    plannedDurationMinutes: change.plannedMinutes === undefined ? section.plannedDurationMinutes : change.plannedMinutes,
    version: section.version + 1,
  };
  const outline = { ...context.outline, sections: context.outline.sections.map((row) => (row.id === section.id ? updated : row)) };
  const entry = context.entries.sections.get(section.documentKey);
  const content = new Map<string, PlanSection>();
  if (entry) {
    const duration =
      change.plannedMinutes === undefined ? entry.duration : change.plannedMinutes === null ? undefined : { raw: `${change.plannedMinutes} min`, minutes: change.plannedMinutes };
    const { duration: _old, ...rest } = entry;
    const timing = { offset: entry.offset, duration };
    content.set(section.documentKey, { ...rest, ...(duration ? { duration } : {}), title: updated.title, heading: headingOf(updated.title, timing) });
  }
  return {
    outline,
    content: { sections: content },
    event: (after) => ({ type: "section.edited", before: sectionSnapshot(context.outline, section), section: sectionSnapshot(after, updated) }),
  };
}

function moveSection(context: EditContext, change: SectionMove): EditResult {
  const section = findSection(context, change.sectionId);
  checkSectionVersion(context, section, change.expectedVersion);
  allow(context, { type: change.type });
  const parentId = change.parentSectionId === undefined ? section.parentId : change.parentSectionId;
  const outline = placeSection(context.outline, { ...section, version: section.version + 1 }, { parentId, afterId: change.afterSectionId }, rollbackKeys(context));
  return {
    outline,
    event: (after) => {
      const moved = sectionSubtree(after, section.id);
      return {
        type: "section.moved",
        before: sectionSnapshot(context.outline, section),
        section: sectionSnapshot(after, moved[0]!),
        levels: Object.fromEntries(moved.map((row) => [row.id, row.level])),
      };
    },
  };
}

function removedSubtree(context: EditContext, sections: readonly OutlineSection[], items: readonly OutlineItem[]): RemovedSubtree {
  const sectionKeys = new Set(sections.map((row) => row.documentKey));
  return {
    sections: sections.map((row) => sectionSnapshot(context.outline, row)),
    items: items.map((row) => itemSnapshot(context.outline, row, context.entries.items.get(row.documentKey))),
    documentSections: sections.flatMap((row) => context.entries.sections.get(row.documentKey) ?? []),
    documentItems: items.flatMap((row) => context.entries.items.get(row.documentKey) ?? []),
    ...(sections.length ? { attachments: attachmentsOf(context.document, sectionKeys) } : {}),
  };
}

function removeSection(context: EditContext, change: SectionRemove): EditResult {
  const section = findSection(context, change.sectionId);
  checkSectionVersion(context, section, change.expectedVersion);
  const sections = sectionSubtree(context.outline, section.id);
  const inside = new Set(sections.map((row) => row.id));
  const items = context.outline.items.filter((item) => inside.has(item.sectionId));
  allow(context, { type: change.type, statuses: items.map((item) => item.status) });
  const keys = new Set(sections.map((row) => row.documentKey));
  const gate = context.document.gates.find((candidate) => candidate.sectionId !== null && keys.has(candidate.sectionId));
  if (gate) {
    throw new AppError("conflict", `This section holds the sign-off “${gate.label ?? gate.kind}”; sign-offs stay with the plan, so move or keep the section.`);
  }
  const removed = removedSubtree(context, sections, items);
  return { outline: removeFromOutline(context.outline, { kind: "section", id: section.id }), event: () => ({ type: "section.removed", before: removed.sections[0]!, removed }) };
}

function addItem(context: EditContext, change: ItemAdd): EditResult {
  findSection(context, change.sectionId);
  allow(context, { type: change.type });
  const { row, entry } = newStep(change, { id: randomUUID(), documentKey: newDocumentKey() }, running(context));
  const outline = placeItem(context.outline, row, change.sectionId, { parentId: row.parentId, afterId: change.afterItemId });
  return {
    outline,
    content: { items: new Map([[row.documentKey, entry]]) },
    event: (after) => ({ type: "item.added", item: itemSnapshot(after, row, entry) }),
  };
}

function editItem(context: EditContext, change: ItemEdit): EditResult {
  const item = findItem(context, change.itemId);
  checkItemVersion(context, item, change.expectedVersion);
  const fields = (["text", "notes", "commands", "required", "critical", "metric"] as const).filter((field) => change[field] !== undefined);
  allow(context, { type: change.type, fields, statuses: [item.status] });
  const updated: OutlineItem = {
    ...item,
    text: change.text ?? item.text,
    required: change.required ?? item.required,
    critical: change.critical ?? item.critical,
    metric: change.metric === undefined ? item.metric : change.metric,
    version: item.version + 1,
  };
  const previous = context.entries.items.get(item.documentKey) ?? { id: item.documentKey, text: item.text, commands: [], items: [], required: item.required, critical: item.critical };
  const { details: oldDetails, ...rest } = previous;
  const details = change.notes === undefined ? oldDetails : change.notes.trim() ? change.notes : undefined;
  const entry: PlanItem = { ...rest, ...(details !== undefined ? { details } : {}), commands: change.commands ? commandsOf(change.commands) : previous.commands };
  const outline = { ...context.outline, items: context.outline.items.map((row) => (row.id === item.id ? updated : row)) };
  return {
    outline,
    content: { items: new Map([[item.documentKey, entry]]) },
    event: (after) => ({ type: "item.edited", before: itemSnapshot(context.outline, item, previous), item: itemSnapshot(after, updated, entry) }),
    afterStore: async () => {
      const staleSignatureIds = await markCoveringSignaturesStale(context, item);
      return staleSignatureIds.length ? { staleSignatureIds } : {};
    },
  };
}

/**
 * A signature approves the plan's steps as they read when it was given: every fresh signature
 * given after this step became part of the plan turns stale when the step is reworded, and
 * its gate must be signed again (the same rule as a state change of an approved step).
 */
async function markCoveringSignaturesStale(context: EditContext, item: OutlineItem): Promise<string[]> {
  const since = context.itemCreatedAt.get(item.id) ?? new Date(0);
  const covering = await context.tx.gateSignature.findMany({
    where: { planId: context.plan.id, staleAt: null, supersededAt: null, createdAt: { gte: since } },
    select: { id: true },
  });
  if (!covering.length) return [];
  const ids = covering.map((signature) => signature.id);
  await context.tx.gateSignature.updateMany({ where: { id: { in: ids } }, data: { staleAt: context.at, staleReason: `“${item.text}” was edited after this was signed.` } });
  return ids;
}

function moveItem(context: EditContext, change: ItemMove): EditResult {
  const item = findItem(context, change.itemId);
  checkItemVersion(context, item, change.expectedVersion);
  allow(context, { type: change.type });
  const parentId = change.parentItemId === undefined ? (change.sectionId === item.sectionId ? item.parentId : null) : change.parentItemId;
  const moved = { ...item, version: item.version + 1 };
  const outline = placeItem(context.outline, moved, change.sectionId, { parentId, afterId: change.afterItemId });
  const entry = context.entries.items.get(item.documentKey);
  return {
    outline,
    event: (after) => ({ type: "item.moved", before: itemSnapshot(context.outline, item, entry), item: itemSnapshot(after, after.items.find((row) => row.id === item.id)!, entry) }),
  };
}

function removeItem(context: EditContext, change: ItemRemove): EditResult {
  const item = findItem(context, change.itemId);
  checkItemVersion(context, item, change.expectedVersion);
  const items = itemSubtree(context.outline, item.id);
  allow(context, { type: change.type, statuses: items.map((row) => row.status), addedDuringRun: item.addedDuringRun });
  const removed = removedSubtree(context, [], items);
  return { outline: removeFromOutline(context.outline, { kind: "item", id: item.id }), event: () => ({ type: "item.removed", before: removed.items[0]!, removed }) };
}
