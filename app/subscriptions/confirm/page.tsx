import type { Metadata } from "next";
import { SubscriptionAction } from "@/components/status-updates/subscription-action";
import { pendingConfirmation } from "@/lib/status-updates/subscribers";

export const metadata: Metadata = { title: "Confirm status updates", robots: { index: false, follow: false } };

/** Opened from a link in a mail, without an account. A GET shows what the link does; the button does it (POST). */
export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const pending = typeof token === "string" ? await pendingConfirmation(token) : null;
  return (
    <main className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="text-xl font-semibold">Confirm status updates</h1>
      {pending && typeof token === "string" ? (
        <>
          <p>Send the status updates of “{pending.planTitle}” to {pending.email}?</p>
          <SubscriptionAction endpoint="/api/subscriptions/confirm" token={token} label="Confirm" done="Confirmed. You will get this plan's status updates by email." />
        </>
      ) : (
        <p role="alert">This confirmation link does not work: it was already used, or the subscription was removed. Subscribe again from the plan&rsquo;s share page.</p>
      )}
    </main>
  );
}
