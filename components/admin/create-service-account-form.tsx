"use client";

import { Bot } from "lucide-react";
import { useActionState } from "react";
import { createServiceAccountAction } from "@/app/(app)/admin/users/service-account-actions";
import { FormNotice } from "@/components/admin/form-notice";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { TokenFormState } from "@/lib/tokens/token-form";

/** Names a new service account; it has no password and signs in only through its tokens. */
export function CreateServiceAccountForm() {
  const [state, formAction, pending] = useActionState<TokenFormState, FormData>(createServiceAccountAction, {});
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.savedAt}>
      <FormAlert message={state.error} />
      <FormNotice message={state.notice} />
      <div className="flex flex-wrap items-end gap-3">
        <div className="grow">
          <TextField id="service-account-name" name="name" label="Service account name" placeholder="Deploy bot" required maxLength={120} defaultValue={state.values?.name} error={state.fieldErrors?.name} />
        </div>
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          <Bot aria-hidden className="size-4" />
          {pending ? "Creating…" : "Create service account"}
        </button>
      </div>
    </form>
  );
}
