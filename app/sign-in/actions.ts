"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { OIDC_PROVIDER_ID, signIn } from "@/lib/auth/auth";
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
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { email, error: "Too many failed attempts for this account. Wait a few minutes, then try again." };
    }
    if (error instanceof AuthError) return { email, error: "That email and password do not match an active account." };
    throw error;
  }
}

/** Starts a single sign-on with the configured OpenID Connect provider (a redirect to it). */
export async function signInWithOidcAction(formData: FormData): Promise<void> {
  if (!oidcSettings()) return;
  const callbackUrl = formData.get("callbackUrl");
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackUrl(typeof callbackUrl === "string" ? callbackUrl : undefined) });
}
