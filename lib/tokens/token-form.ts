import { createTokenSchema, type CreateTokenInput } from "@/lib/tokens/token.schemas";
import { fieldErrorsOf } from "@/lib/users/admin-users.schemas";

/** What a token form shows after a submission; `token` is the new secret, shown this once. */
export interface TokenFormState {
  token?: string;
  tokenName?: string;
  notice?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  savedAt?: number;
}

/** The Tokens page's form fields as the API's input, or the form's field errors. */
export function parseTokenForm(formData: FormData): { ok: true; input: CreateTokenInput } | { ok: false; state: TokenFormState } {
  const values = Object.fromEntries(["name", "scope", "expiresInDays"].map((field) => [field, String(formData.get(field) ?? "")]));
  const days = values.expiresInDays!.trim();
  const parsed = createTokenSchema.safeParse({
    name: values.name,
    scope: values.scope,
    expiresInDays: days === "" ? undefined : Number(days),
    admin: formData.get("admin") === "on",
    // Ticked plans narrow the token; none ticked means every plan its owner can see.
    ...(formData.getAll("planIds").length ? { planIds: formData.getAll("planIds").map(String) } : {}),
  });
  if (!parsed.success) return { ok: false, state: { values, fieldErrors: fieldErrorsOf(parsed.error) } };
  return { ok: true, input: parsed.data };
}
