import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DevMailList } from "@/components/mail/dev-mail-list";
import { requireUser } from "@/lib/auth/current-user";
import { settings } from "@/lib/env";
import { listDevMail } from "@/lib/mail/dev-mailbox";

export const metadata: Metadata = { title: "Mail (development)" };

/**
 * The mail the app would have sent, kept because no SMTP server is configured (like Mailpit
 * or letter_opener). With SMTP_URL set the mail really goes out and this page does not exist.
 */
export default async function DevMailPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  if (settings().SMTP_URL) notFound();
  const user = await requireUser();
  const requested = Number((await searchParams).page);
  const page = await listDevMail(user, Number.isSafeInteger(requested) && requested > 0 && requested < 1_000_000 ? requested : 1);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Mail</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          SMTP_URL is not set, so nothing leaves this machine: the emails the app sends are kept here instead.{" "}
          {user.role === "ADMIN" ? "As an administrator you see every message." : "You see the messages sent to you."}
        </p>
      </div>
      <DevMailList page={page} />
    </main>
  );
}
