import type { DatabaseOrTransaction } from "@/lib/db";
import type { GateHold, GateOverrideRecord, OverrideActionName } from "@/lib/signoffs/gate-blocks";

/** The plan's gate overrides, oldest first: what the banner, the export and the report show. */
export async function loadGateOverrides(client: DatabaseOrTransaction, planId: string): Promise<GateOverrideRecord[]> {
  const rows = await client.gateOverride.findMany({ where: { planId }, orderBy: { createdAt: "asc" }, select: { id: true, action: true, reason: true, gates: true, byName: true, createdAt: true } });
  return rows.map((row) => ({
    id: row.id,
    action: row.action as OverrideActionName,
    reason: row.reason,
    gates: row.gates as unknown as GateHold[],
    byName: row.byName,
    at: row.createdAt.toISOString(),
  }));
}
