"use client";

import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(app)/tokens/actions";
import { buttonStyles } from "@/components/ui/styles";
import type { TokenFormState } from "@/lib/tokens/token-form";

/** Revokes one token; a refusal is shown beside the button. */
export function RevokeTokenButton({ tokenId, tokenName }: { tokenId: string; tokenName: string }) {
  const [state, formAction, pending] = useActionState<TokenFormState, FormData>(revokeTokenAction, {});
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className={buttonStyles.secondary} disabled={pending} aria-label={`Revoke ${tokenName}`}>
        {pending ? "Revoking…" : "Revoke"}
      </button>
      {state.error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
