import { httpCheckSchema, type HttpCheck } from "@/lib/checks/check-spec";
import { planDocumentSchema, type CodeBlock, type ContactRow, type PlanDocument, type PlanItem } from "@/lib/plan-document/schema";
import { allItems, allSections } from "@/lib/plan-document/walk";
import type { PlanWithStructure } from "@/lib/plans/get-plan";
import { planContentOf, type ContentBlock, type PlanContent } from "@/lib/plans/plan-content";
import { progressOf, runProgressOf, type Progress, type RunProgress } from "@/lib/plans/progress";

/**
 * What the plan page and the report render: the rows (state) joined with the document
 * (details, commands, tables) by document key, with progress per section and overall.
 */
export interface PlanItemView {
  row: PlanWithStructure["items"][number];
  details?: string;
  expected?: string;
  commands: CodeBlock[];
  depth: number;
}

export interface PlanSectionView {
  row: PlanWithStructure["sections"][number];
  notes: string;
  commands: CodeBlock[];
  /** Everything else the document holds for this section (tables, triggers, sign-offs, …). */
  content: ContentBlock[];
  items: PlanItemView[];
  progress: Progress;
}

export interface PlanView {
  document: PlanDocument | null;
  sections: PlanSectionView[];
  /** The deployment's progress: the rollback procedure counts only once it is in play (see `run`). */
  progress: Progress;
  run: RunProgress;
  rollbackTriggers: string[];
  contacts: ContactRow[];
  /** Parts of the document placed before the first section and after the last. */
  content: Pick<PlanContent, "intro" | "closing">;
}

export function buildPlanView(plan: Omit<PlanWithStructure, "members">): PlanView {
  const parsed = planDocumentSchema.safeParse(plan.document);
  const document = parsed.success ? parsed.data : null;
  const documentSections = new Map(document ? allSections(document).map((section) => [section.id, section]) : []);
  const documentItems = new Map<string, PlanItem>(document ? allItems(document).map((item) => [item.id, item]) : []);

  const gateIds = new Map(plan.gates.map((gate) => [gate.documentKey, gate.id]));
  const content = document ? planContentOf(document, (documentGateId) => gateIds.get(documentGateId) ?? null) : { intro: [], bySection: {}, closing: [] };

  const depthOf = new Map<string, number>();
  const itemsBySection = new Map<string, PlanItemView[]>();
  for (const row of plan.items) {
    const depth = row.parentId ? (depthOf.get(row.parentId) ?? 0) + 1 : 0;
    depthOf.set(row.id, depth);
    const source = documentItems.get(row.documentKey);
    const view: PlanItemView = { row, depth, details: source?.details, expected: source?.expected, commands: source?.commands ?? [] };
    itemsBySection.set(row.sectionId, [...(itemsBySection.get(row.sectionId) ?? []), view]);
  }

  const sections = plan.sections.map((row) => {
    const items = itemsBySection.get(row.id) ?? [];
    const source = documentSections.get(row.documentKey);
    return {
      row,
      items,
      notes: source?.notes ?? "",
      commands: source?.codeBlocks ?? [],
      content: content.bySection[row.documentKey] ?? [],
      progress: progressOf(items.map((item) => item.row)),
    };
  });

  const statusById = new Map(plan.items.map((item) => [item.id, item.status]));
  const run = runProgressOf(
    sections.map((section) => ({ isRollback: section.row.isRollback, items: section.items.map((item) => ({ id: item.row.id, text: item.row.text, required: item.row.required })) })),
    (id) => statusById.get(id) ?? "PENDING",
    plan.status,
  );
  return {
    document,
    sections,
    progress: run.deployment,
    run,
    rollbackTriggers: document?.rollback.triggers.map((trigger) => trigger.text) ?? [],
    contacts: document?.tables.flatMap((table) => (table.kind === "contacts" ? table.rows : [])) ?? [],
    content: { intro: content.intro, closing: content.closing },
  };
}

/** The plan's structure as the live (client) page needs it: plain data, no state. */
export interface LiveSectionStructure {
  id: string;
  /** The enclosing section, for dependencies on a whole section (its subsections included). */
  parentId: string | null;
  documentKey: string;
  title: string;
  level: number;
  offsetLabel: string | null;
  isRollback: boolean;
  notes: string;
  commands: CodeBlock[];
  content: ContentBlock[];
  items: {
    id: string;
    documentKey: string;
    text: string;
    required: boolean;
    critical: boolean;
    assigneeRole: string | null;
    depth: number;
    details?: string;
    expected?: string;
    commands: CodeBlock[];
    metric: { label: string; unit: string; comparator: string; target: number } | null;
    /** The lead added it once the run had started (shown, exported and counted as such). */
    addedDuringRun?: boolean;
    /** The step's HTTP check, when it has one (lib/checks/). */
    check?: HttpCheck | null;
  }[];
}

export function liveStructureOf(view: PlanView): LiveSectionStructure[] {
  return view.sections.map((section) => ({
    id: section.row.id,
    parentId: section.row.parentId,
    documentKey: section.row.documentKey,
    title: section.row.title,
    level: section.row.level,
    offsetLabel: section.row.offsetLabel,
    isRollback: section.row.isRollback,
    notes: section.notes,
    commands: section.commands,
    content: section.content,
    items: section.items.map((item) => ({
      id: item.row.id,
      documentKey: item.row.documentKey,
      text: item.row.text,
      required: item.row.required,
      critical: item.row.critical,
      assigneeRole: item.row.assigneeRole,
      depth: item.depth,
      details: item.details,
      expected: item.expected,
      commands: item.commands,
      metric: (item.row.metric as LiveSectionStructure["items"][number]["metric"]) ?? null,
      addedDuringRun: item.row.addedDuringRun,
      check: checkSummaryOf(item.row.httpCheck),
    })),
  }));
}

/** The step's check as stored, or null when it has none (or none that reads). */
function checkSummaryOf(stored: unknown): HttpCheck | null {
  const check = httpCheckSchema.safeParse(stored);
  return stored && check.success ? check.data : null;
}
