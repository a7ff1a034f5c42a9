"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/current-user";
import { describeError } from "@/lib/describe-error";
import { AppError } from "@/lib/errors";
import { copyTemplate } from "@/lib/templates/copy-template";
import { editTemplate } from "@/lib/templates/edit-template";
import { templateEditRequestSchema } from "@/lib/templates/template-edit-schema";

export type TemplateEditAnswer = { ok: true; version: number } | { ok: false; message: string };

/** One edit from the template editor: parsed, checked (creator or admin, fresh version), applied by the one template writer. */
export async function editTemplateAction(input: unknown): Promise<TemplateEditAnswer> {
  const user = await requireUser();
  try {
    return { ok: true, ...(await editTemplate(user, templateEditRequestSchema.parse(input))) };
  } catch (error) {
    return { ok: false, message: describeError(error).body.error.message };
  }
}

const copyInputSchema = z.object({ templateId: z.string().min(1).max(64) });

/** Copies a template (built in, or someone else's) as the user's own, and opens the copy in the editor. */
export async function copyTemplateAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const { templateId } = copyInputSchema.parse({ templateId: formData.get("templateId") });
  const copy = await copyTemplate(templateId, user.id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  redirect(`/templates/${copy.id}/edit`);
}
