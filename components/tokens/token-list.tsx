import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { cardStyles } from "@/components/ui/styles";
import type { TokenSummary } from "@/lib/tokens/token.schemas";

const dateTime = (iso: string) => new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC";

function statusOf(token: TokenSummary): string {
  if (token.revokedAt) return `Revoked ${dateTime(token.revokedAt)}`;
  if (token.status === "expired") return `Expired ${dateTime(token.expiresAt)}`;
  return `Expires ${dateTime(token.expiresAt)}`;
}

/** Tokens as a table: what each may do, when and from where it was last used, and a way to revoke it. */
export function TokenList({ tokens, caption = "Your tokens" }: { tokens: TokenSummary[]; caption?: string }) {
  if (!tokens.length) return <p className="text-sm text-slate-600 dark:text-slate-400">No tokens yet.</p>;
  return (
    <div className={`${cardStyles} overflow-x-auto`}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th className="px-4 py-2">Name</th>
            <th className="px-4 py-2">Scope</th>
            <th className="px-4 py-2">Status</th>
            <th className="px-4 py-2">Last used</th>
            <th className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <td className="px-4 py-2">
                <span className="font-medium">{token.name}</span>
                <span className="block font-mono text-xs text-slate-500">{token.prefix}…</span>
              </td>
              <td className="px-4 py-2">
                {token.scope === "write" ? "Read and write" : "Read only"}
                {token.admin ? " · administration" : ""}
                {token.planIds.length ? ` · ${token.planIds.length} plan${token.planIds.length === 1 ? "" : "s"}` : ""}
              </td>
              <td className="px-4 py-2">{statusOf(token)}</td>
              <td className="px-4 py-2">{token.lastUsedAt ? `${dateTime(token.lastUsedAt)} from ${token.lastUsedAddress ?? "an unknown address"}` : "Never"}</td>
              <td className="px-4 py-2 text-right">{token.status !== "active" ? null : <RevokeTokenButton tokenId={token.id} tokenName={token.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
