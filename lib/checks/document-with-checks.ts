import { httpCheckSchema } from "@/lib/checks/check-spec";
import type { PlanDocument } from "@/lib/plan-document/schema";
import { mapItems } from "@/lib/plan-document/walk";

/**
 * The plan's document with each step's HTTP check as the rows hold it now (set, changed or
 * removed by `item.check` since the import), so the export writes the current "Check:" line.
 */
export function documentWithChecks(document: PlanDocument, rows: { items: readonly { documentKey: string; httpCheck: unknown }[] }): PlanDocument {
  const checkByKey = new Map(rows.items.map((item) => [item.documentKey, httpCheckSchema.safeParse(item.httpCheck)]));
  return mapItems(document, (item) => {
    const { check: _imported, ...rest } = item;
    const current = checkByKey.get(item.id);
    return { ...rest, ...(current?.success ? { check: current.data } : {}) };
  });
}
