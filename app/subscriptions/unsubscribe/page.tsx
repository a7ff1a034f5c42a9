import type { Metadata } from "next";
import { SubscriptionAction } from "@/components/status-updates/subscription-action";
import { pendingUnsubscribe } from "@/lib/status-updates/subscribers";

export const metadata: Metadata = { title: "Stop status updates", robots: { index: false, follow: false } };

/** Opened from a link in a mail, without an account. A GET shows what the link does; the button does it (POST). */
export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const pending = typeof token === "string" ? await pendingUnsubscribe(token) : null;
  return (
    <main className="mx-auto max-w-lg space-y-4 p-6">
      <h1 className="text-xl font-semibold">Stop status updates</h1>
      {pending && typeof token === "string" ? (
        <>
          <p>Stop sending the status updates of “{pending.planTitle}” to {pending.email}?</p>
          <SubscriptionAction endpoint="/api/subscriptions/unsubscribe" token={token} label="Unsubscribe" done="Done. No more status updates will be sent to this address." />
        </>
      ) : (
        <p role="alert">This link does not unsubscribe anyone: the address no longer gets these updates, or the link is damaged.</p>
      )}
    </main>
  );
}
