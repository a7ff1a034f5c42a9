import type { Metadata } from "next";
import Link from "next/link";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokenList } from "@/components/tokens/token-list";
import { createTokenAction } from "@/app/(app)/tokens/actions";
import { requireUser } from "@/lib/auth/current-user";
import { listTokensOf } from "@/lib/tokens/manage-tokens";
import { listPlansForUser } from "@/lib/plans/list-plans";
import { MAX_TOKEN_PLANS } from "@/lib/tokens/token.schemas";

export const metadata: Metadata = { title: "API tokens" };

/** The signed-in person's API tokens: create one (shown once), see when each was last used, revoke. */
export default async function TokensPage() {
  const user = await requireUser();
  const [tokens, plans] = await Promise.all([listTokensOf(user.id), listPlansForUser(user)]);
  const planChoices = plans.slice(0, MAX_TOKEN_PLANS).map((plan) => ({ id: plan.id, title: plan.title }));
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          A token lets a script or pipeline use the HTTP API as you, with <code>Authorization: Bearer &lt;token&gt;</code>. It can do what you can on
          your plans, no more; a read-only token cannot change anything. See the <Link href="/api-reference" className="text-indigo-700 underline dark:text-indigo-300">API reference</Link>.
        </p>
      </div>
      <CreateTokenForm action={createTokenAction} allowAdmin={user.role === "ADMIN"} planChoices={planChoices} />
      <TokenList tokens={tokens} />
    </main>
  );
}
