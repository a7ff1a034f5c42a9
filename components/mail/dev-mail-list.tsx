import Link from "next/link";
import type { DevMailPage } from "@/lib/mail/dev-mailbox";
import { splitLinks } from "@/lib/mail/link-text";
import { formatInZone } from "@/lib/time/format-time";

const STATUS_LABEL = { PENDING: "Queued", SENT: "Kept", FAILED: "Failed" } as const;

/** The kept emails, newest first: the plain text with its links clickable, and the HTML part as the recipient would see it. */
export function DevMailList({ page }: { page: DevMailPage }) {
  if (page.messages.length === 0) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">{page.page > 1 ? "No older messages." : "No mail yet."}</p>;
  }
  return (
    <div className="space-y-4">
      <ol className="space-y-4" aria-label="Messages">
        {page.messages.map((message) => (
          <li key={message.id}>
            <article aria-label={message.subject} className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
              <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <h2 className="font-medium">{message.subject}</h2>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  <time dateTime={message.createdAt.toISOString()}>{formatInZone(message.createdAt, "UTC")}</time> · {STATUS_LABEL[message.status]}
                </p>
              </header>
              <p className="text-sm text-slate-700 dark:text-slate-300">To: {message.to}</p>
              <details className="mt-3" open>
                <summary className="cursor-pointer text-sm font-medium">Plain text</summary>
                <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 text-sm whitespace-pre-wrap dark:bg-slate-950">
                  {splitLinks(message.text).map((piece, index) =>
                    "url" in piece ? (
                      <a key={index} href={piece.url} className="text-indigo-700 underline dark:text-indigo-300">
                        {piece.url}
                      </a>
                    ) : (
                      piece.text
                    ),
                  )}
                </pre>
              </details>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">HTML</summary>
                {/* sandbox="": no scripts, no forms, no navigation of this page; the mail's HTML is shown, never run. */}
                <iframe title={`HTML of “${message.subject}”`} sandbox="" srcDoc={message.html} className="mt-2 h-96 w-full rounded-md border border-slate-200 bg-white dark:border-slate-800" />
              </details>
            </article>
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {page.hasNewer ? (
          <Link href={`/dev/mail?page=${page.page - 1}`} className="underline">
            Newer
          </Link>
        ) : (
          <span />
        )}
        {page.hasOlder ? (
          <Link href={`/dev/mail?page=${page.page + 1}`} className="underline">
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
