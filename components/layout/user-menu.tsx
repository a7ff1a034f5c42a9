import { BellRing, BookOpen, ChevronDown, KeyRound, LogOut, Mail, MonitorX } from "lucide-react";
import Link from "next/link";
import { signOutAction, signOutEverywhereAction } from "@/app/sign-out/actions";
import { settings } from "@/lib/env";
import type { CurrentUser } from "@/lib/users/find-active-user";

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** The signed-in user and the way out. A <details> menu: works without JavaScript and with the keyboard. */
export function UserMenu({ user }: { user: CurrentUser }) {
  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="grid size-8 place-items-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
          {initialsOf(user.name)}
        </span>
        <span className="sr-only">Account menu: </span>
        <span className="sr-only max-w-40 truncate sm:not-sr-only">{user.name}</span>
        <ChevronDown aria-hidden className="size-4 text-slate-500 transition group-open:rotate-180" />
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <div className="px-3 py-2">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-slate-600 dark:text-slate-400">{user.email}</p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {[user.title, user.role === "ADMIN" ? "Administrator" : null].filter(Boolean).join(" · ")}
          </p>
        </div>
        <hr className="my-1 border-slate-200 dark:border-slate-700" />
        <Link href="/tokens" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
          <KeyRound aria-hidden className="size-4" />
          API tokens
        </Link>
        <Link href="/settings/notifications" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
          <BellRing aria-hidden className="size-4" />
          Notification settings
        </Link>
        <Link href="/api-reference" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
          <BookOpen aria-hidden className="size-4" />
          API reference
        </Link>
        {/* Without SMTP_URL the app's mail is kept, not sent: administrators read it all on /dev/mail. */}
        {user.role === "ADMIN" && !settings().SMTP_URL ? (
          <Link href="/dev/mail" className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            <Mail aria-hidden className="size-4" />
            Mail (not sent)
          </Link>
        ) : null}
        <hr className="my-1 border-slate-200 dark:border-slate-700" />
        <form action={signOutAction}>
          <button
            type="submit"
            className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <LogOut aria-hidden className="size-4" />
            Sign out
          </button>
        </form>
        <form action={signOutEverywhereAction}>
          <button
            type="submit"
            className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <MonitorX aria-hidden className="size-4" />
            <span>
              Sign out everywhere
              <span className="block text-xs text-slate-600 dark:text-slate-400">Ends your sessions on every device</span>
            </span>
          </button>
        </form>
      </div>
    </details>
  );
}
