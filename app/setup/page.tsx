import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OidcSignInButton } from "@/components/auth/oidc-sign-in-button";
import { SetupForm } from "@/components/auth/setup-form";
import { AuthCard } from "@/components/layout/auth-card";
import { oidcSettings } from "@/lib/env";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Set up Preflight" };

/** Shown only while the instance has no accounts: the first one becomes its administrator. */
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/sign-in");
  // With single sign-on configured, the first person may instead sign in through it.
  const oidc = oidcSettings();
  return (
    <AuthCard title="Welcome to Preflight" subtitle="Create the first account. It becomes the administrator of this instance.">
      <SetupForm />
      {oidc ? <OidcSignInButton name={oidc.name} /> : null}
    </AuthCard>
  );
}
