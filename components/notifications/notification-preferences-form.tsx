"use client";

import { useActionState } from "react";
import type { KindPreference, PreferencesFormState } from "@/lib/notifications/user-notifications";

const CHOICES = [
  { value: "EMAIL_AND_APP", label: "Email and in app" },
  { value: "APP_ONLY", label: "In app only" },
  { value: "OFF", label: "Off" },
] as const;

export function NotificationPreferencesForm({ action, preferences }: { action: (state: PreferencesFormState, formData: FormData) => Promise<PreferencesFormState>; preferences: KindPreference[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-4">
      {preferences.map((preference) => (
        <fieldset key={preference.kind} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <legend className="px-1 font-medium">{preference.label}</legend>
          <p className="text-sm text-slate-600 dark:text-slate-400">{preference.description}</p>
          <div className="mt-2 flex flex-wrap gap-x-4">
            {CHOICES.map((choice) => (
              <label key={choice.value} className="inline-flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name={preference.kind} value={choice.value} defaultChecked={preference.delivery === choice.value} className="size-5" />
                {choice.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="min-h-11 rounded-md bg-indigo-600 px-4 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60">
          {pending ? "Saving…" : "Save"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {state.error ? <span className="text-rose-700 dark:text-rose-300">{state.error}</span> : state.notice ? <span key={state.savedAt}>{state.notice}</span> : null}
        </p>
      </div>
    </form>
  );
}
