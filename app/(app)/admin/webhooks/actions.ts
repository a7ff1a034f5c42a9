"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/plan-state/plan-access";
import { runWebhookForm, type WebhookFormState } from "@/lib/webhooks/form-actions";

export async function instanceWebhookAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const user = await requireUser();
  const state = await runWebhookForm(actorOf(user), "instance", formData);
  revalidatePath("/admin/webhooks");
  return state;
}
