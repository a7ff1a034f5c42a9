"use client";

import { useActionState } from "react";
import { resetPasswordAction, setIdentityLinkAction, setUserActiveAction, type AdminUserFormState } from "@/app/(app)/admin/users/actions";
import { FormNotice } from "@/components/admin/form-notice";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";

interface RowUser {
  id: string;
  name: string;
  active: boolean;
  identityLinkAllowed?: boolean;
  _count?: { externalIdentities: number };
}

const smallButton = "px-3 py-1.5";

/** Sets a new password for one user, behind a disclosure so the table stays compact. */
export function ResetPasswordForm({ user }: { user: RowUser }) {
  const [state, formAction, pending] = useActionState<AdminUserFormState, FormData>(resetPasswordAction, {});
  return (
    <details className="group w-full">
      <summary className={`${buttonStyles.secondary} ${smallButton} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        Reset password<span className="sr-only"> for {user.name}</span>
      </summary>
      <form action={formAction} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="userId" value={user.id} />
        <FormAlert message={state.error} />
        <FormNotice message={state.notice} />
        <TextField
          id={`password-${user.id}`}
          name="password"
          label={`New password for ${user.name}`}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          error={state.fieldErrors?.password}
        />
        <p className="text-xs text-slate-600 dark:text-slate-400">This also signs {user.name} out on every device.</p>
        <button type="submit" className={`${buttonStyles.primary} ${smallButton}`} disabled={pending}>
          {pending ? "Saving…" : "Set password"}
        </button>
      </form>
    </details>
  );
}

/** Deactivates (refused at sign-in and on their next request) or reactivates one user. */
export function ActiveToggle({ user }: { user: RowUser }) {
  const [state, formAction, pending] = useActionState<AdminUserFormState, FormData>(setUserActiveAction, {});
  const verb = user.active ? "Deactivate" : "Reactivate";
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="active" value={user.active ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`${verb} ${user.name}`}
        className={
          user.active
            ? `${buttonStyles.secondary} ${smallButton} text-red-700 hover:bg-red-50 dark:text-red-300 dark:hover:bg-red-950`
            : `${buttonStyles.secondary} ${smallButton}`
        }
      >
        {pending ? `${verb.slice(0, -1)}ing…` : verb}
      </button>
      <FormAlert message={state.error} />
    </form>
  );
}

/**
 * Single sign-on never takes over an existing account by email: an administrator allows one
 * link here, and the owner's next single sign-on with that verified email makes it.
 */
export function IdentityLinkToggle({ user, provider }: { user: RowUser; provider: string }) {
  const [state, formAction, pending] = useActionState<AdminUserFormState, FormData>(setIdentityLinkAction, {});
  const linked = user._count?.externalIdentities ?? 0;
  const allowed = Boolean(user.identityLinkAllowed);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="allowed" value={allowed ? "false" : "true"} />
      {linked ? <p className="text-xs text-slate-600 dark:text-slate-400">Linked to {provider}</p> : null}
      <button type="submit" disabled={pending} className={`${buttonStyles.secondary} ${smallButton}`}>
        {pending ? "Saving…" : allowed ? "Withdraw sign-on link" : `Allow ${provider} link`}
        <span className="sr-only"> for {user.name}</span>
      </button>
      {allowed ? <p className="text-xs text-slate-600 dark:text-slate-400">Their next {provider} sign-in links it.</p> : null}
      <FormAlert message={state.error} />
      <FormNotice message={state.notice} />
    </form>
  );
}
