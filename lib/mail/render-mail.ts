/**
 * Every email's two parts from one description: a plain-text part and an HTML part with the
 * same words, the action as a button and a link, and the unsubscribe link at the foot. All
 * text is escaped; nothing a person typed becomes markup.
 */
export interface MailContent {
  greeting?: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  unsubscribeUrl: string;
  unsubscribeLabel?: string;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

export function renderMail(content: MailContent): { text: string; html: string } {
  const unsubscribeLabel = content.unsubscribeLabel ?? "Unsubscribe";
  const text = [
    ...(content.greeting ? [content.greeting, ""] : []),
    content.heading,
    "",
    ...content.paragraphs.flatMap((paragraph) => [paragraph, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    "—",
    `${unsubscribeLabel}: ${content.unsubscribeUrl}`,
  ].join("\n");

  const paragraph = (words: string) => `<p style="margin:0 0 12px;white-space:pre-wrap">${escapeHtml(words)}</p>`;
  const html = [
    "<!doctype html>",
    '<html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;line-height:1.5;max-width:560px;margin:0 auto;padding:16px">',
    content.greeting ? paragraph(content.greeting) : "",
    `<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map(paragraph),
    content.action
      ? `<p style="margin:16px 0"><a href="${escapeHtml(content.action.url)}" style="background:#4f46e5;color:#fff;padding:8px 14px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` +
        `<p style="font-size:12px;color:#475569;margin:0 0 12px">Or open: <a href="${escapeHtml(content.action.url)}">${escapeHtml(content.action.url)}</a></p>`
      : "",
    `<hr style="border:none;border-top:1px solid #e2e8f0;margin:16px 0"><p style="font-size:12px;color:#475569"><a href="${escapeHtml(content.unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a></p>`,
    "</body></html>",
  ].join("");
  return { text, html };
}
