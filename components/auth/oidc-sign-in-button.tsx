import { KeyRound } from "lucide-react";
import { signInWithOidcAction } from "@/app/sign-in/actions";
import { buttonStyles } from "@/components/ui/styles";

/** "Sign in with <provider>": shown on the sign-in page only when OIDC_* is configured. */
export function OidcSignInButton({ name, callbackUrl }: { name: string; callbackUrl?: string }) {
  return (
    <div className="mt-6">
      <div className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400" aria-hidden>
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <form action={signInWithOidcAction} className="mt-6">
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <button type="submit" className={`${buttonStyles.secondary} w-full`}>
          <KeyRound aria-hidden className="size-4" />
          Sign in with {name}
        </button>
      </form>
    </div>
  );
}
