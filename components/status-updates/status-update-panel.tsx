"use client";

import { useState, type FormEvent } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { buttonStyles, cardStyles, fieldStyles } from "@/components/ui/styles";

export interface StatusUpdateSettings {
  updateReminderMinutes: number | null;
  autoUpdateOnStart: string | null;
  autoUpdateOnComplete: string | null;
  autoUpdateOnRollback: string | null;
}

type Answer = { ok: true; note: string } | { ok: false; message: string };

async function send(url: string, body: unknown): Promise<{ ok: boolean; message?: string }> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.ok) return { ok: true };
    const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
    return { ok: false, message: answer.error?.message ?? "That did not work; try again." };
  } catch {
    return { ok: false, message: "The server could not be reached; try again." };
  }
}

/**
 * The plan page's "Status updates" panel. Everyone may have the updates mailed to them; the
 * lead also posts updates (own words, or one of the plan's messages, whose placeholders the
 * server fills from the live state when it is sent), sees how many subscribers get them, and
 * sets the reminder and the messages that go out by themselves. Posted updates show in the feed.
 */
export function StatusUpdatePanel({ planId, isLead, messages, subscribed: initiallySubscribed, subscriberCount, settings }: {
  planId: string;
  isLead: boolean;
  messages: { name: string; body: string }[];
  subscribed: boolean;
  subscriberCount: number;
  settings: StatusUpdateSettings;
}) {
  const [subscribed, setSubscribed] = useState(initiallySubscribed);
  const [text, setText] = useState("");
  const [messageName, setMessageName] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = messages.find((message) => message.name === messageName);

  async function toggle(next: boolean) {
    setBusy(true);
    const result = await send(`/api/plans/${encodeURIComponent(planId)}/subscription`, { subscribed: next });
    setBusy(false);
    if (result.ok) setSubscribed(next);
    setAnswer(result.ok ? { ok: true, note: next ? "You will get this plan's status updates by email." : "You will no longer get status updates by email." } : { ok: false, message: result.message! });
  }

  async function post(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const change = chosen ? { type: "status-update.post", messageName: chosen.name } : { type: "status-update.post", text };
    const result = await send(`/api/plans/${encodeURIComponent(planId)}/changes`, change);
    setBusy(false);
    if (result.ok) {
      setText("");
      setMessageName("");
    }
    setAnswer(result.ok ? { ok: true, note: "Update posted." } : { ok: false, message: result.message! });
  }

  async function saveSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const minutes = String(form.get("updateReminderMinutes") ?? "").trim();
    const message = (name: string) => (String(form.get(name) ?? "") || null);
    setBusy(true);
    const result = await send(`/api/plans/${encodeURIComponent(planId)}/changes`, {
      type: "plan.edit",
      updateReminderMinutes: minutes === "" ? null : Number(minutes),
      autoUpdateOnStart: message("autoUpdateOnStart"),
      autoUpdateOnComplete: message("autoUpdateOnComplete"),
      autoUpdateOnRollback: message("autoUpdateOnRollback"),
    });
    setBusy(false);
    setAnswer(result.ok ? { ok: true, note: "Settings saved." } : { ok: false, message: result.message! });
  }

  return (
    <section aria-labelledby="status-updates-title" className={`${cardStyles} space-y-4 p-4`} data-testid="status-update-panel">
      <h2 id="status-updates-title" className="text-sm font-semibold">
        Status updates
      </h2>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={subscribed} disabled={busy} onChange={(event) => void toggle(event.target.checked)} />
        Email me status updates
      </label>
      {isLead ? (
        <>
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="subscriber-count">
            {subscriberCount === 1 ? "1 subscriber gets updates by email." : `${subscriberCount} subscribers get updates by email.`}
          </p>
          <form onSubmit={post} className="space-y-2">
            {messages.length ? (
              <label className={fieldStyles.label}>
                Message
                <select value={messageName} onChange={(event) => setMessageName(event.target.value)} className={fieldStyles.input}>
                  <option value="">My own words</option>
                  {messages.map((message) => (
                    <option key={message.name} value={message.name}>
                      {message.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {chosen ? (
              <div>
                <p className="text-xs text-slate-500">Preview; placeholders such as {"{{progress}}"} are filled from the live state when it is sent.</p>
                <p className="whitespace-pre-wrap rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700" data-testid="update-preview">
                  {chosen.body}
                </p>
              </div>
            ) : (
              <label className={fieldStyles.label}>
                Update
                <textarea value={text} onChange={(event) => setText(event.target.value)} maxLength={4000} rows={3} className={fieldStyles.input} />
              </label>
            )}
            <button type="submit" disabled={busy || (!chosen && text.trim() === "")} className={buttonStyles.primary}>
              Post update
            </button>
          </form>
          <details>
            <summary className="cursor-pointer text-sm">Reminders and automatic updates</summary>
            <form onSubmit={saveSettings} className="mt-2 space-y-2">
              <label className={fieldStyles.label}>
                Remind me to post an update every N minutes (empty: never)
                <input name="updateReminderMinutes" type="number" min={5} max={1440} defaultValue={settings.updateReminderMinutes ?? ""} className={fieldStyles.input} />
              </label>
              {(
                [
                  ["autoUpdateOnStart", "When the plan starts, post", settings.autoUpdateOnStart],
                  ["autoUpdateOnComplete", "When it completes, post", settings.autoUpdateOnComplete],
                  ["autoUpdateOnRollback", "When it rolls back, post", settings.autoUpdateOnRollback],
                ] as const
              ).map(([name, label, value]) => (
                <label key={name} className={fieldStyles.label}>
                  {label}
                  <select name={name} defaultValue={value ?? ""} className={fieldStyles.input}>
                    <option value="">Nothing</option>
                    {messages.map((message) => (
                      <option key={message.name} value={message.name}>
                        {message.name}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
              <button type="submit" disabled={busy} className={buttonStyles.secondary}>
                Save
              </button>
            </form>
          </details>
        </>
      ) : null}
      {answer?.ok === false ? <FormAlert message={answer.message} /> : null}
      {answer?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {answer.note}
        </p>
      ) : null}
    </section>
  );
}
