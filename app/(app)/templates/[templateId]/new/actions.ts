"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { createPlanFromTemplate } from "@/lib/templates/create-plan-from-template";
import { newPlanFromTemplateSchema } from "@/lib/validations/new-plan";

export interface NewPlanState {
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export async function createPlanFromTemplateAction(_previous: NewPlanState, formData: FormData): Promise<NewPlanState> {
  const user = await requireUser();
  const values = Object.fromEntries([...formData.entries()].map(([key, value]) => [key, String(value)]));
  const parsed = newPlanFromTemplateSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { values, fieldErrors };
  }
  let planId: string;
  try {
    planId = (await createPlanFromTemplate({ ...parsed.data, createdById: user.id })).id;
  } catch (error) {
    if (error instanceof AppError) return { values, error: error.message };
    throw error;
  }
  redirect(`/plans/${planId}`);
}
