"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/plan-state/plan-access";
import { runWebhookForm, type WebhookFormState } from "@/lib/webhooks/form-actions";

export async function planWebhookAction(planId: string, _previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const user = await requireUser();
  const state = await runWebhookForm(actorOf(user), { planId }, formData);
  revalidatePath(`/plans/${planId}/webhooks`);
  return state;
}
