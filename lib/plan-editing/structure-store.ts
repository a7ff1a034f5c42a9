import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { planDocumentSchema, type PlanDocument } from "@/lib/plan-document/schema";
import type { Outline, OutlineItem, OutlineSection } from "@/lib/plan-editing/outline";
import { documentWithChecks } from "@/lib/checks/document-with-checks";
import { allItems } from "@/lib/plan-document/walk";

type Tx = Prisma.TransactionClient;

/**
 * Reads and stores a plan's outline and document inside the one writer's transaction (the
 * plan's row is locked). Storing writes only what differs from the outline read: removed
 * rows, new rows, rows whose place or content changed.
 */
export async function loadStructure(tx: Tx, planId: string): Promise<{ outline: Outline; document: PlanDocument; itemCreatedAt: Map<string, Date> }> {
  const [sections, items, plan] = await Promise.all([
    tx.planSection.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: { id: true, documentKey: true, parentId: true, level: true, title: true, plannedDurationMinutes: true, isRollback: true, version: true },
    }),
    tx.planItem.findMany({
      where: { planId },
      orderBy: { position: "asc" },
      select: {
        id: true,
        documentKey: true,
        sectionId: true,
        parentId: true,
        text: true,
        required: true,
        critical: true,
        metric: true,
        status: true,
        version: true,
        addedDuringRun: true,
        createdAt: true,
        httpCheck: true,
      },
    }),
    tx.plan.findUniqueOrThrow({ where: { id: planId }, select: { document: true } }),
  ]);
  const document = planDocumentSchema.safeParse(plan.document);
  if (!document.success) throw new AppError("unprocessable", "This plan's stored document could not be read, so it cannot be edited.");
  return {
    outline: { sections, items: items.map(({ createdAt: _createdAt, httpCheck: _httpCheck, ...item }) => item) },
    // Steps' HTTP checks live on their rows (item.check changes only those); the document an edit works on carries them, so a removed step's undo brings its check back.
    document: documentWithChecks(document.data, { items }),
    itemCreatedAt: new Map(items.map((item) => [item.id, item.createdAt])),
  };
}

export async function storeStructure(tx: Tx, planId: string, before: Outline, after: Outline, document: PlanDocument, at: Date): Promise<void> {
  await storeSections(tx, planId, before.sections, after.sections);
  await storeItems(tx, planId, before.items, after.items, document, at);
  await tx.plan.update({ where: { id: planId }, data: { document: document as unknown as Prisma.InputJsonValue } });
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sectionContent = (row: OutlineSection) => [row.title, row.plannedDurationMinutes, row.version];
const itemContent = (row: OutlineItem) => [row.text, row.required, row.critical, row.metric, row.version];

/** Rows to delete, insert and renumber, by comparing the outline before and after. */
function differences<T extends { id: string }>(before: readonly T[], after: readonly T[], moved: (old: T, next: T) => boolean, content: (row: T) => unknown) {
  const old = new Map(before.map((row, position) => [row.id, { row, position }]));
  const kept = new Set(after.map((row) => row.id));
  const removed = before.filter((row) => !kept.has(row.id)).map((row) => row.id);
  const added: { row: T; position: number }[] = [];
  const placed: { row: T; position: number }[] = [];
  const changed: T[] = [];
  after.forEach((row, position) => {
    const previous = old.get(row.id);
    if (!previous) return void added.push({ row, position });
    if (previous.position !== position || moved(previous.row, row)) placed.push({ row, position });
    if (!sameJson(content(previous.row), content(row))) changed.push(row);
  });
  return { removed, added, placed, changed };
}

/**
 * `@@unique([planId, position])` holds at every row, so rows that change place first step
 * aside to negative positions, new rows take their free final positions, and then the moved
 * rows take theirs, in one statement.
 */
async function storeSections(tx: Tx, planId: string, before: readonly OutlineSection[], after: readonly OutlineSection[]) {
  const { removed, added, placed, changed } = differences(before, after, (old, next) => old.parentId !== next.parentId || old.level !== next.level || old.isRollback !== next.isRollback, sectionContent);
  if (removed.length) await tx.planSection.deleteMany({ where: { planId, id: { in: removed } } });
  if (placed.length) {
    const ids = placed.map(({ row }) => row.id);
    await tx.$executeRaw`UPDATE "PlanSection" SET position = -1 - position WHERE id = ANY(${ids}::text[])`;
  }
  if (added.length) {
    await tx.planSection.createMany({
      data: added.map(({ row, position }) => ({
        id: row.id,
        planId,
        parentId: row.parentId,
        documentKey: row.documentKey,
        position,
        level: row.level,
        title: row.title,
        plannedDurationMinutes: row.plannedDurationMinutes,
        isRollback: row.isRollback,
        version: row.version,
      })),
    });
  }
  if (placed.length) {
    await tx.$executeRaw`
      UPDATE "PlanSection" AS s
         SET position = v.position, "parentId" = v.parent_id, level = v.level, "isRollback" = v.is_rollback
        FROM unnest(${placed.map(({ row }) => row.id)}::text[], ${placed.map(({ position }) => position)}::int[], ${placed.map(({ row }) => row.parentId)}::text[],
                    ${placed.map(({ row }) => row.level)}::int[], ${placed.map(({ row }) => row.isRollback)}::boolean[]) AS v(id, position, parent_id, level, is_rollback)
       WHERE s.id = v.id`;
  }
  const addedIds = new Set(added.map(({ row }) => row.id));
  for (const row of changed.filter((candidate) => !addedIds.has(candidate.id))) {
    await tx.planSection.update({ where: { id: row.id }, data: { title: row.title, plannedDurationMinutes: row.plannedDurationMinutes, version: row.version } });
  }
}

async function storeItems(tx: Tx, planId: string, before: readonly OutlineItem[], after: readonly OutlineItem[], document: PlanDocument, at: Date) {
  const { removed, added, placed, changed } = differences(before, after, (old, next) => old.parentId !== next.parentId || old.sectionId !== next.sectionId, itemContent);
  if (removed.length) {
    await tx.planItem.deleteMany({ where: { planId, id: { in: removed } } });
    // A gate must not wait for a step that is gone.
    const gates = await tx.gate.findMany({ where: { planId, requiredItemIds: { hasSome: removed } }, select: { id: true, requiredItemIds: true } });
    const gone = new Set(removed);
    for (const gate of gates) await tx.gate.update({ where: { id: gate.id }, data: { requiredItemIds: gate.requiredItemIds.filter((id) => !gone.has(id)) } });
  }
  if (placed.length) {
    const ids = placed.map(({ row }) => row.id);
    await tx.$executeRaw`UPDATE "PlanItem" SET position = -1 - position WHERE id = ANY(${ids}::text[])`;
  }
  if (added.length) {
    const checkByKey = new Map(allItems(document).flatMap((entry) => (entry.check ? [[entry.id, entry.check] as const] : [])));
    await tx.planItem.createMany({
      data: added.map(({ row, position }) => ({
        id: row.id,
        planId,
        sectionId: row.sectionId,
        parentId: row.parentId,
        documentKey: row.documentKey,
        position,
        text: row.text,
        required: row.required,
        critical: row.critical,
        metric: (row.metric ?? undefined) as Prisma.InputJsonValue | undefined,
        status: row.status,
        version: row.version,
        addedDuringRun: row.addedDuringRun,
        // A step put back by undo keeps its HTTP check; a new step has none until item.check sets one.
        httpCheck: (checkByKey.get(row.documentKey) ?? undefined) as Prisma.InputJsonValue | undefined,
        createdAt: at,
      })),
    });
  }
  if (placed.length) {
    await tx.$executeRaw`
      UPDATE "PlanItem" AS i
         SET position = v.position, "parentId" = v.parent_id, "sectionId" = v.section_id
        FROM unnest(${placed.map(({ row }) => row.id)}::text[], ${placed.map(({ position }) => position)}::int[], ${placed.map(({ row }) => row.parentId)}::text[],
                    ${placed.map(({ row }) => row.sectionId)}::text[]) AS v(id, position, parent_id, section_id)
       WHERE i.id = v.id`;
  }
  const addedIds = new Set(added.map(({ row }) => row.id));
  for (const row of changed.filter((candidate) => !addedIds.has(candidate.id))) {
    await tx.planItem.update({
      where: { id: row.id },
      data: {
        text: row.text,
        required: row.required,
        critical: row.critical,
        metric: row.metric === null ? Prisma.DbNull : (row.metric as Prisma.InputJsonValue),
        version: row.version,
      },
    });
  }
}
