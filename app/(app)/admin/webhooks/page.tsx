import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { requireUser } from "@/lib/auth/current-user";
import { actorOf } from "@/lib/plan-state/plan-access";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { webhooksOverview } from "@/lib/webhooks/webhooks-overview";
import { instanceWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Instance webhooks" };

/** Webhooks that receive every plan's events; administrators only, to everyone else the page does not exist. */
export default async function AdminWebhooksPage() {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  const webhooks = await webhooksOverview(actorOf(user), "instance");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Instance webhooks</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          These receive the events of every plan on this instance. Private and loopback targets need WEBHOOK_ALLOWED_HOSTS.{" "}
          <Link href="/admin/webhooks" className="underline">
            Refresh the log
          </Link>
        </p>
      </div>
      <WebhooksManager webhooks={webhooks} action={instanceWebhookAction} eventTypes={WEBHOOK_EVENT_TYPES} />
    </main>
  );
}
