import { ImportError } from "@/lib/import/import-error";
import { readUploadOffThread } from "@/lib/import/parse-pool";
import type { ReadUpload } from "@/lib/import/read-upload";
import { AppError } from "@/lib/errors";
import { createPlanFromDocument } from "@/lib/plans/create-plan";
import { saveTemplate } from "@/lib/plans/save-template";

/**
 * The one path from a Markdown document to a plan or template, shared by the import page,
 * `POST /api/plans/import/preview` and `npx preflight import`. The document is read in a worker
 * thread with a time limit (lib/import/parse-pool.ts). Bad input becomes an AppError (422)
 * with the importer's message. `text` is the upload decoded (UTF-8, or Windows-1252 for an
 * older editor's file): that, not the raw bytes, is what later steps keep.
 */
export async function previewPlanImport(input: string | Uint8Array, options: { timeoutMs?: number } = {}): Promise<ReadUpload> {
  try {
    return await readUploadOffThread(input, options);
  } catch (error) {
    if (error instanceof ImportError) throw new AppError("unprocessable", error.message, { reason: error.code });
    throw error;
  }
}

export async function importPlan(input: { markdown: string | Uint8Array; createdById: string; as: "plan" | "template"; name?: string; addOwnerIds?: readonly string[] }) {
  const { document, summary } = await previewPlanImport(input.markdown);
  if (input.as === "template") {
    const template = await saveTemplate({ document, name: input.name, createdById: input.createdById });
    return { kind: "template" as const, id: template.id, title: template.name, summary };
  }
  const plan = await createPlanFromDocument({ document, createdById: input.createdById, confirmedOwnerIds: input.addOwnerIds });
  return { kind: "plan" as const, id: plan.id, title: plan.title, summary };
}
