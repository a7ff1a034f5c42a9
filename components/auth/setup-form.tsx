"use client";

import { useActionState } from "react";
import { createFirstAccountAction, type SetupState } from "@/app/setup/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";

export function SetupForm() {
  const [state, formAction, pending] = useActionState<SetupState, FormData>(createFirstAccountAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert message={state.error} />
      <TextField name="name" label="Your name" autoComplete="name" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
      <TextField
        name="email"
        label="Email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <TextField
        name="password"
        label="Password (at least 10 characters)"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors?.password}
      />
      <button type="submit" className={`${buttonStyles.primary} w-full`} disabled={pending}>
        {pending ? "Creating account…" : "Create administrator account"}
      </button>
    </form>
  );
}
