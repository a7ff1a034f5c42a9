import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { UserMenu } from "@/components/layout/user-menu";
import { HeaderNotificationBell } from "@/components/notifications/header-notification-bell";
import type { CurrentUser } from "@/lib/users/find-active-user";

const linkStyle = "inline-flex shrink-0 items-center rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="sticky top-0 z-10 border-b print:hidden border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      {/* On a phone the links take a row of their own under the logo and the account menu, so nothing runs off the screen. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 px-4 py-1 sm:h-14 sm:flex-nowrap sm:py-0">
        <Link href="/plans" aria-label="Preflight home" className="inline-flex items-center">
          <Logo />
        </Link>
        <nav aria-label="Main" className="order-last flex w-full gap-1 overflow-x-auto text-sm sm:order-none sm:mr-auto sm:ml-2 sm:w-auto">
          <Link href="/plans" className={linkStyle}>
            Plans
          </Link>
          <Link href="/dashboard" className={linkStyle}>
            Dashboard
          </Link>
          <Link href="/templates" className={linkStyle}>
            Templates
          </Link>
          {user.role === "ADMIN" ? (
            <Link href="/admin/users" className={linkStyle}>
              Users
            </Link>
          ) : null}
          {user.role === "ADMIN" ? (
            <Link href="/admin/webhooks" className={linkStyle}>
              Webhooks
            </Link>
          ) : null}
        </nav>
        <div className="flex items-center gap-1">
          <HeaderNotificationBell userId={user.id} />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
