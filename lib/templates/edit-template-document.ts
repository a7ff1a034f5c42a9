import { AppError } from "@/lib/errors";
import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { documentFromOutline, headingOf } from "@/lib/plan-editing/document-from-outline";
import { placeItem, placeSection, removeFromOutline, sectionSubtree, type Outline, type OutlineItem, type OutlineSection } from "@/lib/plan-editing/outline";
import { newStep } from "@/lib/plan-editing/new-step";
import { findDependencyCycle, indexGraph } from "@/lib/planning/dependency-graph";
import type { ItemPlanning } from "@/lib/planning/planning-schema";
import type { TemplateEdit } from "@/lib/templates/template-edit-schema";
import { readTemplatePlanning, writeTemplatePlanning, type TemplateItemPlanning } from "@/lib/templates/template-planning";

/**
 * One edit of a template's document, with the plan editor's pure outline functions: a
 * template's sections and steps are an outline whose ids are the document's keys, so placing,
 * nesting and removing follow exactly the plan's rules, and documentFromOutline rebuilds the
 * trees while tables, gates and comms templates stay. Pure: the caller validates and stores.
 */
export function templateOutline(document: PlanDocument): Outline {
  const sections: OutlineSection[] = [];
  const items: OutlineItem[] = [];
  const rollback = new Set(document.rollback.procedureSectionIds);
  const visitItems = (list: readonly PlanItem[], sectionId: string, parentId: string | null) => {
    for (const item of list) {
      items.push({
        id: item.id,
        documentKey: item.id,
        sectionId,
        parentId,
        text: item.text,
        required: item.required,
        critical: item.critical,
        metric: item.metric ?? null,
        status: "PENDING",
        version: 0,
        addedDuringRun: false,
      });
      visitItems(item.items, sectionId, item.id);
    }
  };
  const visitSections = (list: readonly PlanSection[], parentId: string | null, parentIsRollback: boolean) => {
    for (const section of list) {
      const isRollback = parentIsRollback || rollback.has(section.id);
      sections.push({
        id: section.id,
        documentKey: section.id,
        parentId,
        level: section.level,
        title: section.title,
        plannedDurationMinutes: section.duration?.minutes ?? null,
        isRollback,
        version: 0,
      });
      visitSections(section.sections, section.id, isRollback);
    }
  };
  visitSections(document.sections, null, false);
  // Items in section order, as the outline keeps them.
  for (const section of sections) visitItems(findSectionEntry(document, section.id)!.items, section.id, null);
  return { sections, items };
}

function findSectionEntry(document: PlanDocument, id: string): PlanSection | undefined {
  const stack = [...document.sections];
  while (stack.length) {
    const section = stack.pop()!;
    if (section.id === id) return section;
    stack.push(...section.sections);
  }
  return undefined;
}

function findItemEntry(document: PlanDocument, id: string): PlanItem | undefined {
  const stack: PlanItem[] = [];
  const sections = [...document.sections];
  while (sections.length) {
    const section = sections.pop()!;
    stack.push(...section.items);
    sections.push(...section.sections);
  }
  while (stack.length) {
    const item = stack.pop()!;
    if (item.id === id) return item;
    stack.push(...item.items);
  }
  return undefined;
}

const NOT_A_SECTION = "This section is not part of the template. Reload to see the template as it is now.";
const NOT_A_STEP = "This step is not part of the template. Reload to see the template as it is now.";

/** A fresh document key, unlike any the importer gives ("s1", "i1"). */
export type NewKey = () => string;
const randomKey: NewKey = () => `t${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;

export function editTemplateDocument(document: PlanDocument, change: TemplateEdit, newKey: NewKey = randomKey): PlanDocument {
  const outline = templateOutline(document);
  const planning = readTemplatePlanning(document);
  const section = (id: string) => outline.sections.find((row) => row.id === id) ?? fail(NOT_A_SECTION);
  const item = (id: string) => outline.items.find((row) => row.id === id) ?? fail(NOT_A_STEP);
  const rollback = new Set(document.rollback.procedureSectionIds);
  let next: Outline = outline;
  const sections = new Map<string, PlanSection>();
  const items = new Map<string, PlanItem>();

  switch (change.type) {
    case "section.add": {
      const key = newKey();
      const row: OutlineSection = { id: key, documentKey: key, parentId: change.parentSectionId ?? null, level: 2, title: change.title, plannedDurationMinutes: null, isRollback: false, version: 0 };
      next = placeSection(outline, row, { parentId: row.parentId, afterId: change.afterSectionId }, rollback);
      break;
    }
    case "section.edit": {
      const row = section(change.sectionId);
      const entry = findSectionEntry(document, row.id)!;
      const title = change.title ?? entry.title;
      const { duration: oldDuration, ...rest } = entry;
      const duration = change.plannedMinutes === undefined ? oldDuration : change.plannedMinutes ? { raw: `${change.plannedMinutes} min`, minutes: change.plannedMinutes } : undefined;
      sections.set(row.id, { ...rest, ...(duration ? { duration } : {}), title, heading: headingOf(title, { offset: entry.offset, duration }) });
      next = { ...outline, sections: outline.sections.map((candidate) => (candidate.id === row.id ? { ...candidate, title } : candidate)) };
      break;
    }
    case "section.move": {
      const row = section(change.sectionId);
      const parentId = change.parentSectionId === undefined ? row.parentId : change.parentSectionId;
      next = placeSection(outline, row, { parentId, afterId: change.afterSectionId }, rollback);
      break;
    }
    case "section.remove": {
      const keys = new Set(sectionSubtree(outline, section(change.sectionId).id).map((row) => row.id));
      const gate = document.gates.find((candidate) => candidate.sectionId !== null && keys.has(candidate.sectionId));
      if (gate) throw new AppError("conflict", `This section holds the sign-off “${gate.label ?? gate.kind}”; sign-offs stay with the template, so move or keep the section.`);
      next = removeFromOutline(outline, { kind: "section", id: change.sectionId });
      break;
    }
    case "item.add": {
      section(change.sectionId);
      const key = newKey();
      const { row, entry } = newStep(change, { id: key, documentKey: key }, false);
      items.set(key, entry);
      next = placeItem(outline, row, change.sectionId, { parentId: row.parentId, afterId: change.afterItemId });
      planning.set(key, { owners: [], dependsOn: [], plannedMinutes: null, unresolved: [] });
      setPlanning(planning, next, key, change);
      break;
    }
    case "item.edit": {
      const row = item(change.itemId);
      const entry = findItemEntry(document, row.id)!;
      const { details: oldDetails, ...rest } = entry;
      const details = change.notes === undefined ? oldDetails : change.notes.trim() ? change.notes : undefined;
      items.set(row.id, {
        ...rest,
        ...(details !== undefined ? { details } : {}),
        commands: change.commands ? change.commands.map((command) => ({ language: command.language ?? "", code: command.code })) : entry.commands,
      });
      const updated: OutlineItem = {
        ...row,
        text: change.text ?? row.text,
        required: change.required ?? row.required,
        critical: change.critical ?? row.critical,
        metric: change.metric === undefined ? row.metric : change.metric,
      };
      next = { ...outline, items: outline.items.map((candidate) => (candidate.id === row.id ? updated : candidate)) };
      break;
    }
    case "item.move": {
      const row = item(change.itemId);
      const parentId = change.parentItemId === undefined ? (change.sectionId === row.sectionId ? row.parentId : null) : change.parentItemId;
      next = placeItem(outline, row, change.sectionId, { parentId, afterId: change.afterItemId });
      break;
    }
    case "item.remove":
      item(change.itemId);
      next = removeFromOutline(outline, { kind: "item", id: change.itemId });
      break;
    case "item.plan":
      item(change.itemId);
      setPlanning(planning, outline, change.itemId, change);
      break;
    case "item.check": {
      // A template carries the check like the rest of the step; plans made from it run it.
      const { check: _previous, ...entry } = findItemEntry(document, item(change.itemId).id)!;
      items.set(change.itemId, change.check ? { ...entry, check: change.check } : entry);
      break;
    }
  }
  return writeTemplatePlanning(documentFromOutline(document, next, { sections, items }), planning);
}

function fail(message: string): never {
  throw new AppError("not_found", message);
}

/**
 * A step's owners, dependencies and minutes as the edit sets them. A template's owners are
 * sign-off titles: people are chosen per plan. Dependencies name steps or sections of the
 * template and close no loop (409 naming it, as for plans).
 */
function setPlanning(planning: Map<string, TemplateItemPlanning>, outline: Outline, itemId: string, change: Partial<ItemPlanning>): void {
  const current = planning.get(itemId) ?? { owners: [], dependsOn: [], plannedMinutes: null, unresolved: [] };
  if (change.owners?.some((owner) => "userId" in owner)) {
    throw new AppError("unprocessable", "A template names owners by sign-off title (such as “DevOps Lead”); the people are chosen on each plan made from it.");
  }
  const dependsOn = change.dependsOn ?? current.dependsOn;
  const itemIds = new Set(outline.items.map((row) => row.id));
  const sectionIds = new Set(outline.sections.map((row) => row.id));
  const unknown = dependsOn.find((target) => ("itemId" in target ? !itemIds.has(target.itemId) : !sectionIds.has(target.sectionId)));
  if (unknown) throw new AppError("unprocessable", "A step can only wait for steps and sections of this template.");
  if (change.dependsOn) {
    const graph = {
      items: outline.items.map((row) => ({ id: row.id, sectionId: row.sectionId, text: row.text, status: "PENDING" as const, dependsOn: row.id === itemId ? [] : (planning.get(row.id)?.dependsOn ?? []) })),
      sections: outline.sections.map((row) => ({ id: row.id, parentId: row.parentId, title: row.title })),
    };
    const cycle = findDependencyCycle(indexGraph(graph), itemId, dependsOn);
    if (cycle) throw new AppError("conflict", `These dependencies would make a loop: ${cycle.join(" → ")}.`, { cycle });
  }
  planning.set(itemId, {
    owners: change.owners ?? current.owners,
    dependsOn,
    plannedMinutes: change.plannedMinutes === undefined ? current.plannedMinutes : change.plannedMinutes,
    unresolved: current.unresolved,
  });
}
