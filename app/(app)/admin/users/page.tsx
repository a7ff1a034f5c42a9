import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ServiceAccountsSection } from "@/components/admin/service-accounts-section";
import { UsersTable } from "@/components/admin/users-table";
import { requireUser } from "@/lib/auth/current-user";
import { oidcSettings } from "@/lib/env";
import { listUsers } from "@/lib/users/admin-users";
import { listServiceAccounts } from "@/lib/users/service-accounts";

export const metadata: Metadata = { title: "Users" };

/** Instance administrators manage accounts here; to everyone else the page does not exist. */
export default async function AdminUsersPage() {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  const [users, serviceAccounts] = await Promise.all([listUsers(user.id), listServiceAccounts(user.id)]);
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          Create accounts, reset passwords, and deactivate people who should no longer sign in. A deactivated user loses access on their next
          request.
        </p>
      </div>
      <CreateUserForm />
      <UsersTable users={users} currentUserId={user.id} singleSignOn={oidcSettings()?.name ?? null} />
      <ServiceAccountsSection accounts={serviceAccounts} />
    </main>
  );
}
