import type { PlanDocument } from "@/lib/plan-document/schema";
import { fillPlaceholders, type PlaceholderValues } from "@/lib/templates/fill-placeholders";

/** Fills `{{placeholders}}` in every text of a document: titles, items, commands, messages, tables. */
export function fillDocumentPlaceholders(document: PlanDocument, values: PlaceholderValues): PlanDocument {
  const fill = (value: unknown): unknown => {
    if (typeof value === "string") return fillPlaceholders(value, values);
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, fill(inner)]));
    return value;
  };
  return fill(document) as PlanDocument;
}
