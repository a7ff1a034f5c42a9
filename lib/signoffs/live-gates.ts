import type { PlanLiveState } from "@/lib/plan-state/live-state";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";
import { gateStatus, type GateConfig, type GateKindName, type GateStatus } from "@/lib/signoffs/gate-rules";

/** What of a gate never changes while a plan runs; pages get it once, from the server. */
export interface GateStructure {
  id: string;
  kind: GateKindName;
  title: string;
  decisionMakerRole: string | null;
  blocks: GateBlocksName;
  roleTitles: string[];
}

export function gateStructureOf(gate: { id: string; kind: string; title: string; decisionMakerRole: string | null; blocks: string; roles: { title: string }[] }): GateStructure {
  return { id: gate.id, kind: gate.kind as GateKindName, title: gate.title, decisionMakerRole: gate.decisionMakerRole, blocks: gate.blocks as GateBlocksName, roleTitles: gate.roles.map((role) => role.title) };
}

/** Each gate with its status under the live state: what every view of a plan shows. */
export function liveGateStatuses(gates: readonly GateStructure[], state: Pick<PlanLiveState, "gates" | "signatures" | "items">): { gate: GateConfig; status: GateStatus }[] {
  return gates.map((structure) => {
    const live = state.gates[structure.id];
    const quorum = (title: string) => live?.quorums.find((entry) => entry.title === title)?.quorum ?? 1;
    const gate: GateConfig = {
      id: structure.id,
      kind: structure.kind,
      title: structure.title,
      decisionMakerRole: structure.decisionMakerRole,
      blocks: live?.blocks ?? structure.blocks,
      requiredItemIds: live?.requiredItemIds ?? [],
      roles: structure.roleTitles.map((title) => ({ title, quorum: quorum(title) })),
    };
    return { gate, status: gateStatus(gate, state.signatures, (itemId) => state.items[itemId]?.status) };
  });
}
