"use client";

import { useActionState } from "react";
import { UserPlus } from "lucide-react";
import { createUserAction, type AdminUserFormState } from "@/app/(app)/admin/users/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import { FormNotice } from "@/components/admin/form-notice";

/** Creates an account with a password the admin passes on; the person can sign in at once. */
export function CreateUserForm() {
  const [state, formAction, pending] = useActionState<AdminUserFormState, FormData>(createUserAction, {});
  return (
    <section aria-labelledby="create-user-heading" className={`${cardStyles} p-5`}>
      <h2 id="create-user-heading" className="font-medium">
        Create a user
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Pass the email and password on to the person; they can sign in straight away.</p>
      <form action={formAction} className="mt-4 space-y-4" noValidate>
        <FormAlert message={state.error} />
        <FormNotice message={state.notice} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="name" label="Name" autoComplete="off" required defaultValue={state.values?.name} error={state.fieldErrors?.name} />
          <TextField
            name="email"
            label="Email"
            type="email"
            autoComplete="off"
            required
            defaultValue={state.values?.email}
            error={state.fieldErrors?.email}
          />
          <TextField
            name="password"
            label="Password (at least 8 characters)"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            error={state.fieldErrors?.password}
          />
          <div className="flex items-end pb-2">
            <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
              <input
                type="checkbox"
                name="admin"
                defaultChecked={state.values?.admin === "on"}
                className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500 dark:border-slate-600 dark:bg-slate-900"
              />
              Administrator (can manage users)
            </label>
          </div>
        </div>
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          <UserPlus aria-hidden className="size-4" />
          {pending ? "Creating user…" : "Create user"}
        </button>
      </form>
    </section>
  );
}
