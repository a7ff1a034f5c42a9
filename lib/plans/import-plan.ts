import { ImportError } from "@/lib/import/import-error";
import { parsePlanMarkdown, type ParseResult } from "@/lib/import/parse-plan-markdown";
import { validatePlanInput } from "@/lib/import/validate-plan-input";
import { AppError } from "@/lib/errors";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { saveTemplate } from "@/lib/plans/save-template";

/**
 * The one path from a Markdown document to a plan or template, shared by the import page
 * and `npx preflight import`. Bad input becomes an AppError (422) with the importer's message.
 */
export function previewPlanImport(input: string | Uint8Array): ParseResult {
  try {
    const text = validatePlanInput(typeof input === "string" ? input : Buffer.from(input));
    return parsePlanMarkdown(text);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("unprocessable", error.message, { reason: error.code });
    throw error;
  }
}

export async function importPlan(input: { markdown: string | Uint8Array; createdById: string; as: "plan" | "template"; name?: string }) {
  const { document, summary } = previewPlanImport(input.markdown);
  if (input.as === "template") {
    const template = await saveTemplate({ document, name: input.name, createdById: input.createdById });
    return { kind: "template" as const, id: template.id, title: template.name, summary };
  }
  const plan = await createPlanFromDocument({ document, createdById: input.createdById });
  return { kind: "plan" as const, id: plan.id, title: plan.title, summary };
}
