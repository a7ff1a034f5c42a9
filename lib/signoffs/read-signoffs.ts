import type { DatabaseOrTransaction } from "@/lib/db";
import type { GateLiveConfig } from "@/lib/plan-state/events";
import type { GateBlocksName } from "@/lib/signoffs/gate-blocks";
import type { GateConfig, GateKindName, SignatureLiveState } from "@/lib/signoffs/gate-rules";

/** The plan's gates as the gate rules need them, in plan order. */
export async function loadGateConfigs(client: DatabaseOrTransaction, planId: string): Promise<GateConfig[]> {
  const gates = await client.gate.findMany({
    where: { planId },
    orderBy: { position: "asc" },
    select: { id: true, kind: true, title: true, decisionMakerRole: true, blocks: true, requiredItemIds: true, roles: { orderBy: { position: "asc" }, select: { title: true, quorum: true } } },
  });
  return gates.map((gate) => ({ ...gate, kind: gate.kind as GateKindName, blocks: gate.blocks as GateBlocksName }));
}

export function liveConfigOf(gate: Pick<GateConfig, "requiredItemIds" | "roles" | "blocks">): GateLiveConfig {
  return { requiredItemIds: gate.requiredItemIds, blocks: gate.blocks, quorums: gate.roles.map(({ title, quorum }) => ({ title, quorum })) };
}

type SignatureRow = {
  id: string;
  gateId: string;
  title: string | null;
  userId: string;
  user: { name: string };
  decision: SignatureLiveState["decision"];
  comment: string | null;
  createdAt: Date;
  staleAt: Date | null;
  staleReason: string | null;
};

export function signatureLiveState(row: SignatureRow): SignatureLiveState {
  return {
    id: row.id,
    gateId: row.gateId,
    title: row.title,
    userId: row.userId,
    userName: row.user.name,
    decision: row.decision,
    comment: row.comment,
    at: row.createdAt.toISOString(),
    stale: row.staleAt !== null,
    staleReason: row.staleReason,
  };
}

/** Signatures in force: every one not replaced by a newer one from the same person, oldest first. */
export async function loadSignaturesInForce(client: DatabaseOrTransaction, planId: string): Promise<SignatureLiveState[]> {
  const rows = await client.gateSignature.findMany({
    where: { planId, supersededAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, gateId: true, title: true, userId: true, user: { select: { name: true } }, decision: true, comment: true, createdAt: true, staleAt: true, staleReason: true },
  });
  return rows.map(signatureLiveState);
}
