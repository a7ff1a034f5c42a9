import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { AuthCard } from "@/components/layout/auth-card";
import { hasAnyUser } from "@/lib/users/create-user";

export const metadata: Metadata = { title: "Set up Preflight" };

/** Shown only while the instance has no accounts: the first one becomes its administrator. */
export default async function SetupPage() {
  if (await hasAnyUser()) redirect("/sign-in");
  return (
    <AuthCard title="Welcome to Preflight" subtitle="Create the first account. It becomes the administrator of this instance.">
      <SetupForm />
    </AuthCard>
  );
}
