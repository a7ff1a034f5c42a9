import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cardStyles } from "@/components/ui/styles";
import { signoffLinkDestination } from "@/lib/notifications/signoff-link-destination";

export const metadata: Metadata = { title: "Sign-off link" };

/**
 * The link in a sign-off request email. Signed-out visitors are sent through sign-in and back
 * here by the proxy; a valid link then leads to the gate's page. Following it changes nothing:
 * signing happens on that page, with the person's session.
 */
export default async function FollowSignoffLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const destination = signoffLinkDestination(typeof token === "string" ? token : undefined);
  if (destination.kind === "gate") redirect(destination.path);
  if (destination.kind === "invalid") notFound();
  return (
    <main className={`${cardStyles} mx-auto max-w-lg space-y-3 p-6`}>
      <h1 className="text-lg font-semibold">This sign-off link has expired</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">Links in sign-off request emails work for a week. The gate is still on the plan&apos;s page, if you may see it.</p>
      {destination.planPath ? (
        <Link href={destination.planPath} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          Open the plan
        </Link>
      ) : (
        <Link href="/plans" className="text-sm text-indigo-700 underline dark:text-indigo-300">
          Your plans
        </Link>
      )}
    </main>
  );
}
