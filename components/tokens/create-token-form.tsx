"use client";

import { KeyRound } from "lucide-react";
import { useActionState } from "react";
import { CopyButton } from "@/components/plan/copy-button";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { TokenFormState } from "@/lib/tokens/token-form";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "@/lib/tokens/token.schemas";

interface CreateTokenFormProps {
  action: (previous: TokenFormState, formData: FormData) => Promise<TokenFormState>;
  /** Whose token it is, when an administrator makes one for a service account. */
  ownerId?: string;
  /** Offer administration rights (an administrator's own tokens only). */
  allowAdmin?: boolean;
  heading?: string;
  idPrefix?: string;
  /** Plans the owner can see, offered to narrow the token to some of them. */
  planChoices?: { id: string; title: string }[];
}

/** Creates a token and shows its secret once, with a copy button; the secret is never shown again. */
export function CreateTokenForm({ action, ownerId, allowAdmin = false, heading = "Create a token", idPrefix = "token", planChoices = [] }: CreateTokenFormProps) {
  const [state, formAction, pending] = useActionState<TokenFormState, FormData>(action, {});
  const headingId = `${idPrefix}-create-heading`;
  return (
    <section aria-labelledby={headingId} className={`${cardStyles} p-5`}>
      <h2 id={headingId} className="font-medium">
        {heading}
      </h2>
      {state.token ? (
        <div role="status" className="mt-3 space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-50">
          <p>
            <strong>{state.tokenName}</strong> was created. Copy it now: it is shown only this once.
          </p>
          <div className="flex items-center gap-2 rounded bg-slate-900 px-3 py-2">
            <code data-testid="new-token" className="grow font-mono text-xs break-all text-slate-100">
              {state.token}
            </code>
            <CopyButton text={state.token} label="Copy token" />
          </div>
        </div>
      ) : null}
      <form action={formAction} className="mt-4 space-y-4" noValidate key={state.savedAt}>
        <FormAlert message={state.error} />
        {ownerId ? <input type="hidden" name="ownerId" value={ownerId} /> : null}
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField id={`${idPrefix}-name`} name="name" label="Token name" placeholder="GitHub Actions deploy" required maxLength={100} defaultValue={state.values?.name} error={state.fieldErrors?.name} />
          <div>
            <label htmlFor={`${idPrefix}-scope`} className={fieldStyles.label}>
              Scope
            </label>
            {/* Keyed on the value sent: React resets a form after its action, and a select takes a new default only when mounted. */}
            <select key={state.values?.scope ?? ""} id={`${idPrefix}-scope`} name="scope" defaultValue={state.values?.scope || "read"} className={fieldStyles.input}>
              <option value="read">Read only</option>
              <option value="write">Act as {ownerId ? "this account" : "me"} (read and write)</option>
            </select>
            {state.fieldErrors?.scope ? <p className={fieldStyles.error}>{state.fieldErrors.scope}</p> : null}
          </div>
          <TextField
            id={`${idPrefix}-days`}
            name="expiresInDays"
            label={`Expires in (days, at most ${MAX_TOKEN_DAYS})`}
            type="number"
            min={1}
            max={MAX_TOKEN_DAYS}
            defaultValue={state.values?.expiresInDays ?? String(DEFAULT_TOKEN_DAYS)}
            error={state.fieldErrors?.expiresInDays}
          />
        </div>
        {planChoices.length ? (
          <fieldset>
            <legend className={fieldStyles.label}>Limit to these plans (optional; none ticked: every plan {ownerId ? "this account" : "you"} can see)</legend>
            <div className="mt-1 max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
              {planChoices.map((plan) => (
                <label key={plan.id} className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
                  <input type="checkbox" name="planIds" value={plan.id} className="size-4 rounded border-slate-300 text-indigo-600 dark:border-slate-600 dark:bg-slate-900" />
                  {plan.title}
                </label>
              ))}
            </div>
            {state.fieldErrors?.planIds ? <p className={fieldStyles.error}>{state.fieldErrors.planIds}</p> : null}
          </fieldset>
        ) : null}
        {allowAdmin ? (
          <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-200">
            <input type="checkbox" name="admin" className="size-4 rounded border-slate-300 text-indigo-600 dark:border-slate-600 dark:bg-slate-900" />
            Administration rights (without them, this token acts as a member, never as an administrator)
          </label>
        ) : null}
        <button type="submit" className={buttonStyles.primary} disabled={pending}>
          <KeyRound aria-hidden className="size-4" />
          {pending ? "Creating token…" : "Create token"}
        </button>
      </form>
    </section>
  );
}
