import { db } from "@/lib/db";
import type { ItemStatusName } from "@/lib/plans/progress";
import { gateStatus, type GateStatus } from "@/lib/signoffs/gate-rules";
import { loadGateConfigs, loadSignaturesInForce } from "@/lib/signoffs/read-signoffs";

/** Each gate's status now, keyed by the gate's id in the plan document (for export and report). */
export async function gateStatusesByDocumentKey(plan: {
  id: string;
  items: { id: string; status: ItemStatusName }[];
  gates: { id: string; documentKey: string }[];
}): Promise<Map<string, GateStatus>> {
  const [configs, signatures] = await Promise.all([loadGateConfigs(db(), plan.id), loadSignaturesInForce(db(), plan.id)]);
  const statusById = new Map(plan.items.map((item) => [item.id, item.status]));
  const keyById = new Map(plan.gates.map((gate) => [gate.id, gate.documentKey]));
  return new Map(configs.map((gate) => [keyById.get(gate.id) ?? gate.id, gateStatus(gate, signatures, (itemId) => statusById.get(itemId))]));
}
