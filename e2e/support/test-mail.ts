/**
 * Mail a spec queues for itself, through the app's own outbox write (enqueueMail) and its
 * renderer, as a notification would; the e2e server has no SMTP_URL, so its worker keeps the
 * message for /dev/mail.
 */
export async function queueTestMail(input: { to: string; subject: string; heading: string; action: { label: string; url: string } }): Promise<void> {
  const { db } = await import("@/lib/db");
  const { enqueueMail } = await import("@/lib/mail/enqueue-mail");
  const { renderMail } = await import("@/lib/mail/render-mail");
  const account = await db().user.findUnique({ where: { email: input.to }, select: { id: true } });
  const unsubscribeUrl = "http://localhost/unsubscribe-test";
  const content = renderMail({ heading: input.heading, paragraphs: ["Queued by an end-to-end test."], action: input.action, unsubscribeUrl });
  await enqueueMail(db(), { dedupeKey: `e2e:${input.subject}`, to: input.to, userId: account?.id ?? null, subject: input.subject, unsubscribeUrl, ...content });
}
