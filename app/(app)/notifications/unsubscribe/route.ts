import { escapeHtml } from "@/lib/mail/render-mail";
import { describeUnsubscribeToken, unsubscribeWithToken, type UnsubscribeOutcome } from "@/lib/notifications/user-notifications";

/**
 * The unsubscribe link of a notification email. It opens without a session (the signed token
 * is the authority, and it can only stop one kind of email for its own person):
 * GET shows what it would do and a button, and changes nothing; POST — that button, or a mail
 * client's RFC 8058 one-click request — switches the kind to in-app only.
 * A route rather than a page, because the one-click POST comes to this very address.
 */

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

function page(title: string, body: string, status: number): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Preflight</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}<p><a href="/settings/notifications">Notification settings</a></p></main></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

function refused(outcome: Extract<UnsubscribeOutcome, { ok: false }>): Response {
  return page("This link does not work", `<p>${escapeHtml(outcome.message)}</p>`, 400);
}

export function GET(request: Request): Response {
  const token = tokenOf(request);
  const outcome = describeUnsubscribeToken(token);
  if (!outcome.ok) return refused(outcome);
  return page(
    "Stop these emails?",
    `<p>You will no longer get emails about <strong>${escapeHtml(outcome.label.toLowerCase())}</strong>. They still appear under the bell in Preflight.</p>
<form method="post"><button type="submit">Stop these emails</button></form>`,
    200,
  );
}

export async function POST(request: Request): Promise<Response> {
  const outcome = await unsubscribeWithToken(tokenOf(request));
  if (!outcome.ok) return refused(outcome);
  return page("Emails stopped", `<p>You will no longer get emails about <strong>${escapeHtml(outcome.label.toLowerCase())}</strong>. They still appear under the bell in Preflight.</p>`, 200);
}
