"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { FORM_PLACEHOLDERS, newPlanFromTemplateSchema, PLACEHOLDER_FIELD_PREFIX, TITLE_HOLDER_FIELD_PREFIX } from "@/lib/validations/new-plan";

export interface NewPlanState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function createPlanFromTemplateAction(_previous: NewPlanState, formData: FormData): Promise<NewPlanState> {
  const user = await requireUser();
  const values = Object.fromEntries([...formData.entries()].map(([key, value]) => [key, String(value)]));
  const placeholders = Object.fromEntries(
    Object.entries(values)
      .filter(([key]) => key.startsWith(PLACEHOLDER_FIELD_PREFIX))
      .map(([key, value]) => [key.slice(PLACEHOLDER_FIELD_PREFIX.length), value]),
  );
  const titleHolders = Object.fromEntries(
    Object.entries(values)
      .filter(([key, value]) => key.startsWith(TITLE_HOLDER_FIELD_PREFIX) && value !== "")
      .map(([key, value]) => [key.slice(TITLE_HOLDER_FIELD_PREFIX.length), value]),
  );
  const parsed = newPlanFromTemplateSchema.safeParse({ ...values, placeholders, titleHolders, copyHoldersFromLastPlan: values.copyHoldersFromLastPlan === "on" });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const prefix = issue.path[0] === "placeholders" ? PLACEHOLDER_FIELD_PREFIX : issue.path[0] === "titleHolders" ? TITLE_HOLDER_FIELD_PREFIX : null;
      const field = prefix && issue.path.length > 1 ? `${prefix}${String(issue.path[1])}` : String(issue.path[0]);
      fieldErrors[field] ??= issue.message;
    }
    return { values, fieldErrors };
  }
  let planId: string;
  try {
    planId = (await createPlanFromTemplate({ ...parsed.data, createdById: user.id })).id;
  } catch (error) {
    if (error instanceof AppError) return { values, error: error.message, fieldErrors: placeholderFieldErrors(error) };
    throw error;
  }
  redirect(`/plans/${planId}`);
}

/** A refusal that names unfilled placeholders points at the field each belongs to. */
function placeholderFieldErrors(error: AppError): Record<string, string> | undefined {
  const names = error.details?.names;
  if (!Array.isArray(names)) return undefined;
  const fieldErrors: Record<string, string> = {};
  for (const name of names) {
    if (typeof name !== "string") continue;
    const field = (Object.hasOwn(FORM_PLACEHOLDERS, name) ? FORM_PLACEHOLDERS[name] : undefined) ?? `${PLACEHOLDER_FIELD_PREFIX}${name}`;
    fieldErrors[field] ??= "The template uses this; fill it in.";
  }
  return fieldErrors;
}
