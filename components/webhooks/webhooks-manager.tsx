"use client";

import { useActionState } from "react";
import { Pause, Play, Plus, RotateCcw, Trash2 } from "lucide-react";
import { FormAlert } from "@/components/ui/form-alert";
import { FormNotice } from "@/components/admin/form-notice";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";
import { TextField } from "@/components/ui/text-field";
import type { WebhookFormState } from "@/lib/webhooks/form-actions";
import type { WebhookWithLog } from "@/lib/webhooks/webhooks-overview";

const STATUS_STYLE: Record<string, string> = {
  DELIVERED: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  PENDING: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  SENDING: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  FAILED: "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200",
};

/** Create, list and delete webhooks, each with its delivery log and a Redeliver button; one form action does all three. */
export function WebhooksManager({ webhooks, action, eventTypes }: { webhooks: WebhookWithLog[]; action: (state: WebhookFormState, formData: FormData) => Promise<WebhookFormState>; eventTypes: string[] }) {
  const [state, formAction, pending] = useActionState<WebhookFormState, FormData>(action, {});
  return (
    <div className="space-y-6">
      <FormAlert message={state.error} />
      <FormNotice message={state.notice} />
      {state.secret ? (
        <p className="rounded-md border border-slate-300 p-3 text-sm dark:border-slate-700">
          Signing secret: <code className="font-mono break-all select-all">{state.secret}</code>
        </p>
      ) : null}
      <section aria-labelledby="new-webhook-heading" className={`${cardStyles} p-5`}>
        <h2 id="new-webhook-heading" className="font-medium">
          Add a webhook
        </h2>
        <form action={formAction} className="mt-4 grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
          <input type="hidden" name="intent" value="create" />
          <TextField name="url" label="URL" type="url" placeholder="https://hooks.example.com/preflight" required maxLength={2000} />
          <TextField name="events" label="Event types (comma-separated, * for all)" defaultValue="*" maxLength={1000} />
          <div>
            <label htmlFor="format" className={fieldStyles.label}>
              Format
            </label>
            <select id="format" name="format" className={fieldStyles.input} defaultValue="json">
              <option value="json">Preflight JSON</option>
              <option value="slack">Slack incoming webhook</option>
              <option value="teams">Microsoft Teams</option>
            </select>
          </div>
          <div className="flex items-end">
            <button type="submit" className={buttonStyles.primary} disabled={pending}>
              <Plus aria-hidden className="size-4" /> {pending ? "Adding…" : "Add webhook"}
            </button>
          </div>
          <p className="text-xs text-slate-600 sm:col-span-2 dark:text-slate-400">Event types: {eventTypes.join(", ")}.</p>
        </form>
      </section>
      {webhooks.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No webhooks yet.</p> : null}
      {webhooks.map((webhook) => (
        <section key={webhook.id} aria-label={`Webhook ${webhook.url}`} className={`${cardStyles} p-5`}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="font-mono text-sm break-all">{webhook.url}</h2>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {webhook.active ? null : <strong>Paused · </strong>}
                {webhook.format} · {webhook.events.join(", ")} · {webhook.deliveries.delivered} delivered, {webhook.deliveries.pending} waiting, {webhook.deliveries.failed} failed
              </p>
            </div>
            <div className="flex gap-2">
              <form action={formAction}>
                <input type="hidden" name="intent" value={webhook.active ? "pause" : "resume"} />
                <input type="hidden" name="webhookId" value={webhook.id} />
                <button type="submit" className={buttonStyles.secondary} disabled={pending}>
                  {webhook.active ? <Pause aria-hidden className="size-4" /> : <Play aria-hidden className="size-4" />} {webhook.active ? "Pause" : "Resume"}
                </button>
              </form>
              <form action={formAction}>
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="webhookId" value={webhook.id} />
                <button type="submit" className={buttonStyles.secondary} disabled={pending}>
                  <Trash2 aria-hidden className="size-4" /> Delete
                </button>
              </form>
            </div>
          </div>
          {webhook.log.length ? (
            <table className="mt-4 w-full text-left text-sm">
              <caption className="sr-only">Delivery log</caption>
              <thead className="text-xs text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="py-1 pr-3 font-medium">Event</th>
                  <th className="py-1 pr-3 font-medium">Status</th>
                  <th className="py-1 pr-3 font-medium">Attempts</th>
                  <th className="py-1 pr-3 font-medium">Time</th>
                  <th className="py-1 pr-3 font-medium">Response</th>
                  <th className="py-1 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {webhook.log.map((delivery) => (
                  <tr key={delivery.id} className="border-t border-slate-100 align-top dark:border-slate-800">
                    <td className="py-2 pr-3">
                      <span className="font-mono text-xs">#{delivery.eventId.split(":")[1]}</span> {delivery.eventType}
                    </td>
                    <td className="py-2 pr-3">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[delivery.status] ?? ""}`}>{delivery.status.toLowerCase()}</span>
                    </td>
                    <td className="py-2 pr-3">{delivery.attempts}</td>
                    <td className="py-2 pr-3">{delivery.durationMs === null ? "—" : `${delivery.durationMs} ms`}</td>
                    <td className="max-w-xs py-2 pr-3 text-xs break-words">
                      {delivery.responseStatus ? <strong>{delivery.responseStatus} </strong> : null}
                      {delivery.error ?? delivery.responseExcerpt?.slice(0, 200) ?? ""}
                    </td>
                    <td className="py-2">
                      <form action={formAction}>
                        <input type="hidden" name="intent" value="redeliver" />
                        <input type="hidden" name="webhookId" value={webhook.id} />
                        <input type="hidden" name="deliveryId" value={delivery.id} />
                        <button type="submit" className={buttonStyles.quiet} disabled={pending}>
                          <RotateCcw aria-hidden className="size-4" /> Redeliver
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">Nothing sent yet.</p>
          )}
        </section>
      ))}
    </div>
  );
}
