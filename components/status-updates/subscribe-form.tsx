"use client";

import { useState, type FormEvent } from "react";

/**
 * On a share link's page: a stakeholder leaves an address for the plan's status updates. The
 * server answers the same for every address (it never says who is subscribed); the mail it
 * sends asks to confirm first.
 */
export function SubscribeForm({ shareToken }: { shareToken: string }) {
  const [email, setEmail] = useState("");
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    try {
      const response = await fetch(`/api/share/${encodeURIComponent(shareToken)}/subscribe`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email }),
      });
      const body = (await response.json().catch(() => ({}))) as { message?: string; error?: { message?: string } };
      setAnswer(response.ok ? { ok: true, message: body.message ?? "Check your mail to confirm." } : { ok: false, message: body.error?.message ?? "That did not work; try again." });
    } catch {
      setAnswer({ ok: false, message: "The server could not be reached; try again." });
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="subscribe-title" className="mx-auto mt-10 max-w-xl">
      <h2 id="subscribe-title" className="text-xl uppercase tracking-wide text-slate-400">
        Get status updates by email
      </h2>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3" noValidate>
        <label className="flex-1 text-lg">
          <span className="block text-slate-300">Email address</span>
          <input
            type="email"
            required
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={answer?.ok === false}
            className="mt-1 w-full rounded-md border border-slate-600 bg-slate-900 px-3 py-2 text-slate-100"
          />
        </label>
        <button type="submit" disabled={sending || email.trim() === ""} className="rounded-md bg-indigo-500 px-4 py-2 text-lg font-medium text-white disabled:opacity-60">
          Subscribe
        </button>
      </form>
      {answer ? (
        <p role={answer.ok ? "status" : "alert"} className={`mt-3 text-lg ${answer.ok ? "text-emerald-300" : "text-red-300"}`}>
          {answer.message}
        </p>
      ) : null}
    </section>
  );
}
