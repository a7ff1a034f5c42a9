import { CreateServiceAccountForm } from "@/components/admin/create-service-account-form";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenList } from "@/components/tokens/token-list";
import { cardStyles } from "@/components/ui/styles";
import { createServiceAccountTokenAction } from "@/app/(app)/admin/users/service-account-actions";
import type { ServiceAccount } from "@/lib/users/service-accounts";

/** Service accounts ("CI", "Deploy bot"): non-human members of plans that act through their tokens. */
export function ServiceAccountsSection({ accounts }: { accounts: ServiceAccount[] }) {
  return (
    <section aria-labelledby="service-accounts-heading" className={`${cardStyles} space-y-5 p-5`}>
      <div>
        <h2 id="service-accounts-heading" className="font-medium">
          Service accounts
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          For pipelines and bots. Add one to a plan by its email, with a role and sign-off titles, like a person; it cannot sign in, and everything
          its tokens do is recorded under its name.
        </p>
      </div>
      <CreateServiceAccountForm />
      {accounts.map((account) => (
        <div key={account.id} className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
          <h3 className="font-medium">
            {account.name} <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200">bot</span>
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">{account.email}</span>
          </h3>
          <TokenList tokens={account.tokens} caption={`Tokens of ${account.name}`} />
          <CreateTokenForm action={createServiceAccountTokenAction} ownerId={account.id} heading={`Create a token for ${account.name}`} idPrefix={`sa-${account.id}`} />
        </div>
      ))}
    </section>
  );
}
