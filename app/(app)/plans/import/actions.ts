"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { importPlan, previewPlanImport } from "@/lib/plans/import-plan";
import { outlineExtrasOf, outlineOf, type OutlineExtras, type OutlineSection } from "@/lib/plans/import-outline";
import type { ParseResult } from "@/lib/import/parse-plan-markdown";
import { previewImportOwners, type ImportOwnersPreview } from "@/lib/planning/preview-import-owners";

export type ImportPreviewState =
  | { status: "idle" }
  | { status: "error"; message: string; markdown?: string }
  | {
      status: "preview";
      markdown: string;
      title: string;
      summary: ParseResult["summary"];
      warnings: string[];
      outline: OutlineSection[];
      extras: OutlineExtras;
      owners: ImportOwnersPreview;
      unrecognized: { kind: string; startLine: number; endLine: number; raw: string }[];
    };

const MAX_UPLOAD_BYTES = 1024 * 1024;

/** Step 1: read the pasted text or uploaded file and show what it becomes, saving nothing. */
export async function previewImportAction(_previous: ImportPreviewState, formData: FormData): Promise<ImportPreviewState> {
  const user = await requireUser();
  const file = formData.get("file");
  const pasted = String(formData.get("markdown") ?? "");
  let input: string | Uint8Array = pasted;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_UPLOAD_BYTES) return { status: "error", message: `${file.name} is larger than 1 MB. Split the plan or remove embedded data.` };
    input = new Uint8Array(await file.arrayBuffer());
  }
  try {
    const result = await previewPlanImport(input);
    return {
      status: "preview",
      // The decoded text (a Windows-1252 file's "café" stays "café"), which step 2 then saves.
      markdown: result.text,
      title: result.document.title,
      summary: result.summary,
      warnings: result.warnings,
      outline: outlineOf(result.document),
      extras: outlineExtrasOf(result.document),
      owners: await previewImportOwners(result.document, user.id),
      unrecognized: result.document.unrecognized.map(({ kind, startLine, endLine, raw }) => ({ kind, startLine, endLine, raw: raw.slice(0, 400) })),
    };
  } catch (error) {
    if (error instanceof AppError) return { status: "error", message: error.message, markdown: pasted };
    throw error;
  }
}

const createSchema = z.object({
  markdown: z.string().min(1, "Nothing to import: paste or upload the plan again."),
  as: z.enum(["plan", "template"]),
  /** The proposed owners the importer ticked: they join the plan as executors. */
  addOwner: z.array(z.string().min(1).max(64)).max(200, "Add at most 200 people at once."),
});

export type ImportCreateState = { error?: string };

/** Step 2: create the plan (or save the template) from the previewed document. */
export async function createFromImportAction(_previous: ImportCreateState, formData: FormData): Promise<ImportCreateState> {
  const user = await requireUser();
  const parsed = createSchema.safeParse({ ...Object.fromEntries(formData), addOwner: formData.getAll("addOwner").map(String) });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "The import form was incomplete." };
  let destination: string;
  try {
    const created = await importPlan({ markdown: parsed.data.markdown, createdById: user.id, as: parsed.data.as, addOwnerIds: parsed.data.addOwner });
    destination = created.kind === "plan" ? `/plans/${created.id}` : `/templates?saved=${created.id}`;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(destination);
}
