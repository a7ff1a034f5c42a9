import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/auth/current-user";
import { appOrigin } from "@/lib/auth/app-origin";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { oidcSettings } from "@/lib/env";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Sign in" };

const SINGLE_SIGN_ON_REFUSALS: Record<string, string> = {
  "email-taken":
    "An account with this email already exists. Sign in with your password; an administrator can allow single sign-on to be linked to it.",
  "unverified-email": "Single sign-on was refused: the provider did not confirm that your email address is verified.",
  deactivated: "Single sign-on was refused: this account is deactivated.",
  "no-subject": "Single sign-on was refused: the provider did not identify the account.",
};

/** Errors Auth.js (or our single sign-on check, with its reason) sends back here as ?error=…. */
function signInErrorMessage({ error, code, reason }: { error?: string; code?: string; reason?: string }): string | undefined {
  if (!error) return undefined;
  if (error === "CredentialsSignin" && code === "rate_limited") return "Too many failed attempts for this account. Wait a moment, then try again.";
  if (error === "CredentialsSignin") return "That email and password do not match an active account.";
  if (error === "SingleSignOnRefused") return SINGLE_SIGN_ON_REFUSALS[reason ?? ""] ?? "Single sign-on was refused.";
  if (error === "AccessDenied") return "Single sign-on was refused.";
  return "Single sign-on did not complete. Try again, or sign in with your email and password.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; code?: string; reason?: string }> }) {
  const { callbackUrl, ...errorParams } = await searchParams;
  const origin = await appOrigin();
  if (await currentUser()) redirect(safeCallbackUrl(callbackUrl, origin));
  // An empty instance has nobody to sign in as: its first account is created on /setup.
  if (!(await hasAnyUser())) redirect("/setup");
  const safeCallback = callbackUrl ? safeCallbackUrl(callbackUrl, origin) : undefined;
  const oidc = oidcSettings();
  return (
    <AuthCard title="Sign in" subtitle="Run and watch deployment plans with your team.">
      <SignInForm callbackUrl={safeCallback} initialError={signInErrorMessage(errorParams)} />
      {oidc ? <OidcSignInButton name={oidc.name} callbackUrl={safeCallback} /> : null}
    </AuthCard>
  );
}
