"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { OIDC_PROVIDER_ID, signIn, TooManySignInAttempts } from "@/lib/auth/auth";
import { appOrigin } from "@/lib/auth/app-origin";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { oidcSettings } from "@/lib/env";
import { signInSchema } from "@/lib/validations/auth";

export interface SignInState {
  error?: string;
  fieldErrors?: Partial<Record<"email" | "password", string>>;
  email?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "email" || field === "password") fieldErrors[field] ??= issue.message;
    }
    return { fieldErrors, email: String(formData.get("email") ?? "") };
  }

  const { email, password, callbackUrl } = parsed.data;
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl, await appOrigin()) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      const wait = error instanceof TooManySignInAttempts ? `in ${describeWait(error.retryAfterSeconds)}` : "in a few minutes";
      return { email, error: `Too many failed attempts for this account. Try again ${wait}.` };
    }
    if (error instanceof AuthError) return { email, error: "That email and password do not match an active account." };
    throw error;
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Starts a single sign-on with the configured OpenID Connect provider (a redirect to it). */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  if (!oidcSettings()) return;
  const callbackUrl = formData.get("callbackUrl");
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(typeof callbackUrl === "string" ? callbackUrl : undefined, await appOrigin()) });
}
