import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { AuthCard } from "@/components/layout/auth-card";
import { currentUser } from "@/lib/auth/current-user";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await currentUser()) redirect(safeCallbackUrl(callbackUrl));
  // An empty instance has nobody to sign in as: its first account is created on /setup.
  if (!(await hasAnyUser())) redirect("/setup");
  return (
    <AuthCard title="Sign in" subtitle="Run and watch deployment plans with your team.">
      <SignInForm callbackUrl={callbackUrl ? safeCallbackUrl(callbackUrl) : undefined} />
    </AuthCard>
  );
}
