import { ActiveToggle, IdentityLinkToggle, ResetPasswordForm } from "@/components/admin/user-row-actions";
import { cardStyles } from "@/components/ui/styles";
import type { ManagedUser } from "@/lib/users/admin-users";

const createdFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const pill = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

/**
 * Every account of the instance, with the admin's actions per row. `singleSignOn` is the
 * provider's label when single sign-on is configured: then accounts can be allowed a link.
 */
export function UsersTable({ users, currentUserId, singleSignOn }: { users: ManagedUser[]; currentUserId: string; singleSignOn: string | null }) {
  return (
    <div className={`${cardStyles} relative overflow-x-auto`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">All users</caption>
        <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Email</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Created</th>
            <th scope="col" className="px-4 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {users.map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id} className="align-top">
                <th scope="row" className="px-4 py-3 font-medium">
                  {user.name}
                  {isSelf ? <span className="ml-1 font-normal text-slate-600 dark:text-slate-400">(you)</span> : null}
                  {user.title ? <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{user.title}</span> : null}
                </th>
                <td className="px-4 py-3 break-all text-slate-700 dark:text-slate-300">{user.email}</td>
                <td className="px-4 py-3">
                  {user.role === "ADMIN" ? (
                    <span className={`${pill} bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200`}>Admin</span>
                  ) : (
                    <span className="text-slate-700 dark:text-slate-300">Member</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  {user.active ? (
                    <span className={`${pill} bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200`}>Active</span>
                  ) : (
                    <span className={`${pill} bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200`}>Deactivated</span>
                  )}
                </td>
                <td className="px-4 py-3 whitespace-nowrap text-slate-700 dark:text-slate-300">
                  <time dateTime={user.createdAt.toISOString()}>{createdFormat.format(user.createdAt)}</time>
                </td>
                <td className="px-4 py-3">
                  <div className="flex min-w-56 flex-col items-start gap-2">
                    <ResetPasswordForm user={user} />
                    {isSelf ? null : <ActiveToggle user={user} />}
                    {singleSignOn ? <IdentityLinkToggle user={user} provider={singleSignOn} /> : null}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
