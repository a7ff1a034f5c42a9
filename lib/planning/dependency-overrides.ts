import type { DatabaseOrTransaction } from "@/lib/db";
import { foldUserText } from "@/lib/import/fold-user-text";
import type { PlanDocument } from "@/lib/plan-document/schema";
import type { DependencyOverride } from "@/lib/plan-state/events";
import { shortLabel } from "@/lib/planning/dependency-graph";

/** A step the lead ticked done before the steps it waited for, as the event log records it. */
export interface DependencyOverrideRecord extends DependencyOverride {
  itemId: string;
  byName: string | null;
  at: string;
}

/** Every dependency override of the plan, oldest first. */
export async function loadDependencyOverrides(client: Pick<DatabaseOrTransaction, "$queryRaw">, planId: string): Promise<DependencyOverrideRecord[]> {
  const rows = await client.$queryRaw<{ payload: { actor: { name: string } | null; event: { item: { id: string }; override: DependencyOverride } }; createdAt: Date }[]>`
    SELECT payload, "createdAt" FROM "PlanEvent"
     WHERE "planId" = ${planId} AND type = 'item.changed' AND payload->'event' ? 'override'
     ORDER BY seq`;
  return rows.map(({ payload, createdAt }) => ({
    itemId: payload.event.item.id,
    reason: payload.event.override.reason,
    blockers: payload.event.override.blockers,
    byName: payload.actor?.name ?? null,
    at: createdAt.toISOString(),
  }));
}

/**
 * The overrides as header fields the importer keeps, like gate overrides:
 * "**Dependency override**: “Smoke test” done before “Deploy”: <reason> (Lee Lead, 2026-12-02 10:00 UTC)".
 */
export function documentWithDependencyOverrides(document: PlanDocument, overrides: readonly DependencyOverrideRecord[], itemText: (itemId: string) => string | undefined): PlanDocument {
  if (!overrides.length) return document;
  const quote = (itemId: string, fallback = "a step") => `“${shortLabel(itemText(itemId) ?? fallback)}”`;
  const fields = overrides.map((override) => ({
    key: "Dependency override",
    value: foldUserText(
      `${quote(override.itemId)} done before ${override.blockers.map((blocker) => quote(blocker.itemId, blocker.text)).join(", ")}: ${override.reason} (${override.byName ?? "someone"}, ${override.at.slice(0, 16).replace("T", " ")} UTC)`,
    ),
  }));
  return { ...document, metadata: { ...document.metadata, extra: [...document.metadata.extra, ...fields] } };
}
