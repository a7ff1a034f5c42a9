import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { requireAdmin } from "@/lib/users/admin-users";
import { hashPassword } from "@/lib/users/passwords";
import { listTokensOf } from "@/lib/tokens/manage-tokens";
import type { TokenSummary } from "@/lib/tokens/token.schemas";

/**
 * Service accounts: non-human users ("CI", "Deploy bot") an administrator creates. They join
 * plans with a role and sign-off titles like a person and act through API tokens, so everything
 * they do is recorded under their name. They cannot sign in: their password is random and
 * thrown away, sign-in refuses them by kind (lib/users/verify-credentials.ts), and their email
 * is in the reserved `.invalid` domain, which no single sign-on provider can verify.
 */

export const SERVICE_ACCOUNT_EMAIL_DOMAIN = "service-accounts.preflight.invalid";

export const createServiceAccountSchema = z.object({
  name: z.string({ error: "Enter a name." }).trim().min(1, { error: "Enter a name." }).max(120, { error: "Use at most 120 characters for the name." }),
});
export type CreateServiceAccountInput = z.input<typeof createServiceAccountSchema>;

export interface ServiceAccount {
  id: string;
  name: string;
  email: string;
  active: boolean;
  createdAt: Date;
  tokens: TokenSummary[];
}

function isAsciiLetterOrDigit(character: string): boolean {
  return (character >= "a" && character <= "z") || (character >= "0" && character <= "9");
}

/** The email a service account is added to plans by: its name made safe, and a random part so names may repeat. */
function serviceAccountEmail(name: string): string {
  const slug = Array.from(name.toLowerCase(), (character) => (isAsciiLetterOrDigit(character) ? character : "-"))
    .join("")
    .split("-")
    .filter(Boolean)
    .join("-")
    .slice(0, 40);
  return `${slug || "bot"}-${randomBytes(4).toString("hex")}@${SERVICE_ACCOUNT_EMAIL_DOMAIN}`;
}

/** Creates a service account; only an active administrator may. */
export async function createServiceAccount(actorId: string, input: CreateServiceAccountInput): Promise<{ id: string; name: string; email: string }> {
  await requireAdmin(actorId);
  const { name } = createServiceAccountSchema.parse(input);
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  return db().user.create({
    data: { name, email: serviceAccountEmail(name), passwordHash, role: "MEMBER", serviceAccount: true },
    select: { id: true, name: true, email: true },
  });
}

/** Every service account with its tokens, oldest first; for administrators only. */
export async function listServiceAccounts(actorId: string): Promise<ServiceAccount[]> {
  await requireAdmin(actorId);
  const accounts = await db().user.findMany({
    where: { serviceAccount: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, email: true, active: true, createdAt: true },
  });
  return Promise.all(accounts.map(async (account) => ({ ...account, tokens: await listTokensOf(account.id) })));
}
