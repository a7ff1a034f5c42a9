import type { HttpCheck } from "@/lib/checks/check-spec";
import { randomUUID } from "node:crypto";
import type { PlanDocument, PlanItem, PlanSection } from "@/lib/plan-document/schema";
import { defaultGateBlocks, isBeforeDeploymentPhase, type GateBlocksName } from "@/lib/signoffs/gate-blocks";

/**
 * Projects a plan document onto the rows that carry state: sections and items in document
 * order (depth first, parents before children) and gates with their sign-off titles.
 * Pure, so the mapping is unit-tested without a database.
 */

type Strategy = "BLUE_GREEN" | "ROLLING" | "CANARY" | "FEATURE_FLAG" | "RECREATE" | "OTHER";
type ItemStatus = "PENDING" | "DONE" | "SKIPPED" | "FAILED" | "NOT_APPLICABLE";
type GateKind = "GO_NO_GO" | "PRE_DEPLOYMENT" | "POST_DEPLOYMENT" | "CUSTOM";

export interface SectionRow {
  id: string;
  parentId: string | null;
  documentKey: string;
  position: number;
  level: number;
  title: string;
  offsetLabel: string | null;
  offsetMinutes: number | null;
  plannedDurationMinutes: number | null;
  isRollback: boolean;
}

export interface ItemRow {
  id: string;
  sectionId: string;
  parentId: string | null;
  documentKey: string;
  position: number;
  text: string;
  required: boolean;
  critical: boolean;
  assigneeRole: string | null;
  metric: { label: string; unit: string; comparator: string; target: number } | null;
  status: ItemStatus;
  statusNote: string | null;
  measuredValue: number | null;
  statusByName: string | null;
  statusAt: Date | null;
  plannedDurationMinutes: number | null;
  /** The step's HTTP check (lib/checks/check-spec.ts). */
  httpCheck: HttpCheck | null;
}

export interface GateRow {
  id: string;
  documentKey: string;
  position: number;
  kind: GateKind;
  title: string;
  decisionMakerRole: string | null;
  blocks: GateBlocksName;
  roles: { title: string; quorum: number; position: number }[];
}

export interface PlanColumns {
  title: string;
  feature: string | null;
  version: string | null;
  environment: string | null;
  strategy: Strategy | null;
  expectedDowntime: string | null;
  riskLevel: string | null;
  windowStartText: string | null;
  estimatedDuration: string | null;
  deployLead: string | null;
  changeTicket: string | null;
}

const STRATEGIES: Record<NonNullable<PlanDocument["metadata"]["strategy"]>, Strategy> = {
  "blue-green": "BLUE_GREEN",
  rolling: "ROLLING",
  canary: "CANARY",
  "feature-flag": "FEATURE_FLAG",
  recreate: "RECREATE",
  other: "OTHER",
};

const GATE_KINDS: Record<PlanDocument["gates"][number]["kind"], GateKind> = {
  "go-no-go": "GO_NO_GO",
  "pre-deployment": "PRE_DEPLOYMENT",
  "post-deployment": "POST_DEPLOYMENT",
  "sign-off": "CUSTOM",
};

const GATE_TITLES: Record<GateKind, string> = {
  GO_NO_GO: "Go/No-Go decision",
  PRE_DEPLOYMENT: "Pre-deployment sign-off",
  POST_DEPLOYMENT: "Post-deployment sign-off",
  CUSTOM: "Sign-off",
};

/** Empty or placeholder-only text ("", "_____") means "not filled in". */
function filled(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed && !/^_+$/.test(trimmed) ? trimmed : null;
}

export function planColumnsOf(document: PlanDocument): PlanColumns {
  const { metadata } = document;
  const windowStart = [metadata.window.date, metadata.window.start].map(filled).filter(Boolean).join(" ");
  return {
    title: filled(document.title) ?? "Untitled plan",
    feature: filled(metadata.feature) ?? filled(metadata.service),
    version: filled(metadata.version),
    environment: filled(metadata.environment),
    strategy: metadata.strategy ? STRATEGIES[metadata.strategy] : null,
    expectedDowntime: filled(metadata.expectedDowntime),
    riskLevel: filled(metadata.riskLevel),
    windowStartText: windowStart || null,
    estimatedDuration: filled(metadata.window.estimatedDuration),
    deployLead: filled(metadata.deployLead) ?? headerField(document, LEAD_FIELD),
    changeTicket: headerField(document, CHANGE_TICKET_FIELD),
  };
}

export const LEAD_FIELD = /^(?:deploy(?:ment)?\s+|release\s+)?(?:lead|manager|owner)$/i;
export const CHANGE_TICKET_FIELD = /^(?:change\s+(?:ticket|request|record|id|number|no\.?)|ticket|cr|chg)$/i;

/** A header line the importer kept as an extra field ("**Change Ticket**: CHG-4821"), by its key. */
export function headerField(document: PlanDocument, key: RegExp): string | null {
  const field = document.metadata.extra.find((candidate) => key.test(candidate.key.replace(/[*_`]/g, "").trim()));
  return filled(field?.value);
}

export function sectionAndItemRows(document: PlanDocument, newId: () => string = randomUUID): { sections: SectionRow[]; items: ItemRow[] } {
  const sections: SectionRow[] = [];
  const items: ItemRow[] = [];
  const rollbackIds = new Set(document.rollback.procedureSectionIds);

  const visitItems = (list: PlanItem[], sectionId: string, parentId: string | null) => {
    for (const item of list) {
      const id = newId();
      items.push({
        id,
        sectionId,
        parentId,
        documentKey: item.id,
        position: items.length,
        text: item.text,
        required: item.required,
        critical: item.critical,
        assigneeRole: item.assignee ?? null,
        metric: item.metric ?? null,
        status: item.state ? (item.state.status.toUpperCase() as ItemStatus) : "PENDING",
        statusNote: item.state?.note ?? null,
        measuredValue: item.state?.measuredValue ?? null,
        statusByName: item.state && item.state.status !== "pending" ? (item.state.by ?? "import") : null,
        statusAt: item.state?.at ? new Date(item.state.at) : null,
        // Whole minutes, at least one: "90 s" plans 2, as the item.plan change stores it.
        plannedDurationMinutes: item.plannedMinutes === undefined ? null : Math.max(1, Math.round(item.plannedMinutes)),
        httpCheck: item.check ?? null,
      });
      visitItems(item.items, sectionId, id);
    }
  };

  const visitSections = (list: PlanSection[], parentId: string | null, insideRollback: boolean) => {
    for (const section of list) {
      const id = newId();
      const isRollback = insideRollback || rollbackIds.has(section.id);
      sections.push({
        id,
        parentId,
        documentKey: section.id,
        position: sections.length,
        level: section.level,
        title: section.title || section.heading,
        offsetLabel: section.offset?.raw ?? null,
        offsetMinutes: section.offset ? Math.round(section.offset.minutes) : null,
        plannedDurationMinutes: section.duration ? Math.round(section.duration.minutes) : null,
        isRollback,
      });
      visitItems(section.items, id, null);
      visitSections(section.sections, id, isRollback);
    }
  };

  visitSections(document.sections, null, false);
  return { sections, items };
}

/** Each section's index among the top-level sections it belongs to, by document id. */
function topLevelIndexById(document: PlanDocument): { titles: string[]; indexById: Map<string, number> } {
  const topLevel = document.sections.filter((section) => section.level > 0);
  const indexById = new Map<string, number>();
  const visit = (section: PlanSection, index: number) => {
    indexById.set(section.id, index);
    for (const child of section.sections) visit(child, index);
  };
  topLevel.forEach((section, index) => visit(section, index));
  return { titles: topLevel.map((section) => section.title || section.heading), indexById };
}

export function gateRows(document: PlanDocument, newId: () => string = randomUUID): GateRow[] {
  const { titles: topLevelTitles, indexById } = topLevelIndexById(document);
  return document.gates.map((gate, position) => {
    const kind = GATE_KINDS[gate.kind];
    const titles = [...new Set(gate.roles.map((role) => role.role.trim()).filter(Boolean))];
    const title = filled(gate.label) ?? GATE_TITLES[kind];
    const beforeDeploymentPhase = isBeforeDeploymentPhase(topLevelTitles, gate.sectionId === null ? null : (indexById.get(gate.sectionId) ?? null));
    return {
      id: newId(),
      documentKey: gate.id,
      position,
      kind,
      title,
      blocks: defaultGateBlocks({ kind, title }, { beforeDeploymentPhase }),
      decisionMakerRole: filled(gate.decisionMaker),
      roles: titles.map((title, index) => ({ title, quorum: 1, position: index })),
    };
  });
}
