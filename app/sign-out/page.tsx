import type { Metadata } from "next";
import Link from "next/link";
import { signOutAction } from "@/app/sign-out/actions";
import { AuthCard } from "@/components/layout/auth-card";
import { buttonStyles } from "@/components/ui/styles";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const user = await requireUser();
  return (
    <AuthCard title="Sign out" subtitle={`You are signed in as ${user.email}.`}>
      <form action={signOutAction} className="flex gap-3">
        <button type="submit" className={`${buttonStyles.primary} flex-1`}>
          Sign out
        </button>
        <Link href="/plans" className={`${buttonStyles.secondary} flex-1`}>
          Stay signed in
        </Link>
      </form>
    </AuthCard>
  );
}
