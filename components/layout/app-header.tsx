import Link from "next/link";
import { Logo } from "@/components/layout/logo";
import { UserMenu } from "@/components/layout/user-menu";
import type { CurrentUser } from "@/lib/users/find-active-user";

export function AppHeader({ user }: { user: CurrentUser }) {
  return (
    <header className="sticky top-0 z-10 border-b print:hidden border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-4 px-4">
        <div className="flex items-center gap-6">
          <Link href="/plans" aria-label="Preflight home">
            <Logo />
          </Link>
          <nav aria-label="Main" className="text-sm">
            <Link href="/plans" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
              Plans
            </Link>
            <Link href="/dashboard" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
              Dashboard
            </Link>
            <Link href="/templates" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
              Templates
            </Link>
            {user.role === "ADMIN" ? (
              <Link href="/admin/users" className="rounded-md px-2 py-1 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800">
                Users
              </Link>
            ) : null}
          </nav>
        </div>
        <UserMenu user={user} />
      </div>
    </header>
  );
}
