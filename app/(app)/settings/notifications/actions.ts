"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { parsePreferencesForm, setNotificationPreferences, type PreferencesFormState } from "@/lib/notifications/user-notifications";

/** Saves the signed-in person's choice for each kind of notification. */
export async function savePreferencesAction(_previous: PreferencesFormState, formData: FormData): Promise<PreferencesFormState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };
  const form = parsePreferencesForm(formData);
  if (!form.ok) return { error: form.error };
  await setNotificationPreferences(user.id, form.choices);
  revalidatePath("/settings/notifications");
  return { notice: "Saved.", savedAt: Date.now() };
}
