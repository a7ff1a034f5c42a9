import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WebhooksManager } from "@/components/webhooks/webhooks-manager";
import { requireUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { actorOf } from "@/lib/plan-state/plan-access";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { webhooksOverview } from "@/lib/webhooks/webhooks-overview";
import { planWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

/** The plan's webhooks and their delivery logs; its leads manage them, and to others the page says so. */
export default async function PlanWebhooksPage({ params }: { params: Promise<{ planId: string }> }) {
  const user = await requireUser();
  const { planId } = await params;
  const webhooks = await webhooksOverview(actorOf(user), { planId }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  });
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { title: true } });
  if (!plan) notFound();
  return (
    <main className="space-y-6">
      <div>
        <Link href={`/plans/${planId}/members`} className="text-sm text-indigo-700 underline dark:text-indigo-300">
          ← {plan.title}: people and sharing
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Webhooks</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Each of the plan&apos;s events is POSTed to these URLs, signed with the webhook&apos;s secret (Preflight-Signature), retried for up to 24 hours, in order.{" "}
          <Link href={`/plans/${planId}/webhooks`} className="underline">
            Refresh the log
          </Link>
        </p>
      </div>
      {webhooks === null ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Only the plan&apos;s leads manage its webhooks.</p>
      ) : (
        <WebhooksManager webhooks={webhooks} action={planWebhookAction.bind(null, planId)} eventTypes={WEBHOOK_EVENT_TYPES} />
      )}
    </main>
  );
}
