import type { Gate, GateKind, PlanDocument, PlanSection } from "@/lib/plan-document/schema";
import type { HeadingContext } from "@/lib/import/heading-context";
import type { SourceText } from "@/lib/import/source-text";

/** Mutable state shared by the functions that turn mdast blocks into a PlanDocument. */
export interface BuildState {
  source: SourceText;
  document: PlanDocument;
  warnings: string[];
  counters: { table: number; gate: number; template: number };
  gatesBySection: Map<string, Gate>;
}

/**
 * Where blocks are being read: the preamble (before the first heading), a section, or the
 * footer (after the last horizontal rule). Preamble items live in an implicit section "s0",
 * created only when the preamble actually has items.
 */
export interface BlockScope {
  zone: "preamble" | "section" | "footer";
  context: HeadingContext;
  section(): PlanSection;
  sectionId(): string | null;
}

export function nextId(state: BuildState, kind: "table" | "gate" | "template"): string {
  state.counters[kind] += 1;
  const prefix = kind === "table" ? "t" : kind === "gate" ? "g" : "m";
  return `${prefix}${state.counters[kind]}`;
}

/** The gate for the current section, created on first use. */
export function gateFor(scope: BlockScope, state: BuildState, kind: GateKind): Gate {
  const key = scope.sectionId() ?? "";
  let gate = state.gatesBySection.get(key);
  if (!gate) {
    gate = { id: nextId(state, "gate"), sectionId: scope.sectionId(), kind, decisionOptions: [], roles: [] };
    state.gatesBySection.set(key, gate);
    state.document.gates.push(gate);
  }
  return gate;
}
