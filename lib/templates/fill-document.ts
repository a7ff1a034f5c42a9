import type { PlanDocument } from "@/lib/plan-document/schema";
import { AppError } from "@/lib/errors";
import { fillPlaceholders, placeholdersIn, unfilledPlaceholders, type PlaceholderValues } from "@/lib/templates/fill-placeholders";

function mapStrings(document: PlanDocument, change: (text: string) => string): PlanDocument {
  const visit = (value: unknown): unknown => {
    if (typeof value === "string") return change(value);
    if (Array.isArray(value)) return value.map(visit);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    return value;
  };
  return visit(document) as PlanDocument;
}

function everyString(document: PlanDocument): string[] {
  const texts: string[] = [];
  mapStrings(document, (text) => {
    texts.push(text);
    return text;
  });
  return texts;
}

/** Fills `{{placeholders}}` in every text of a document: titles, items, commands, messages, tables. */
export function fillDocumentPlaceholders(document: PlanDocument, values: PlaceholderValues): PlanDocument {
  return mapStrings(document, (text) => fillPlaceholders(text, values));
}

/** The distinct placeholder names a document uses (filters dropped), in order of first use. */
export function documentPlaceholders(document: PlanDocument): string[] {
  return [...new Set(everyString(document).flatMap(placeholdersIn))];
}

/** The placeholders, as written, that a document still holds. */
export function documentUnfilledPlaceholders(document: PlanDocument): string[] {
  return [...new Set(everyString(document).flatMap(unfilledPlaceholders))];
}

/**
 * Fills a template and refuses (422) when any placeholder would stay literal, naming them:
 * a plan whose commands read `deployment/{{previous_version}}` fails on the night.
 */
export function fillTemplateDocument(document: PlanDocument, values: PlaceholderValues): PlanDocument {
  const filled = fillDocumentPlaceholders(document, values);
  const left = documentUnfilledPlaceholders(filled);
  if (left.length > 0) {
    throw new AppError("unprocessable", `Fill in every placeholder the template uses; still empty: ${left.join(", ")}.`, {
      placeholders: left,
      names: [...new Set(left.flatMap(placeholdersIn))],
    });
  }
  return filled;
}
