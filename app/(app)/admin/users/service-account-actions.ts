"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { parseTokenForm, type TokenFormState } from "@/lib/tokens/token-form";
import { createServiceAccount, createServiceAccountSchema } from "@/lib/users/service-accounts";
import { fieldErrorsOf } from "@/lib/users/admin-users.schemas";
import { tokenIdSchema } from "@/lib/tokens/token.schemas";

const FORBIDDEN: TokenFormState = { error: "Only administrators can manage service accounts." };

function refusal(error: unknown): TokenFormState {
  if (error instanceof AppError) return { error: error.message };
  throw error;
}

/** Creates a service account (administrators only). */
export async function createServiceAccountAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const admin = await currentUser();
  if (admin?.role !== "ADMIN") return FORBIDDEN;
  const values = { name: String(formData.get("name") ?? "") };
  const parsed = createServiceAccountSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const account = await createServiceAccount(admin.id, parsed.data);
    revalidatePath("/admin/users");
    return { notice: `Created the service account ${account.name}. Add it to plans by ${account.email}.`, savedAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}

/** Creates a token for a service account (administrators only); the secret is in the answer this once. */
export async function createServiceAccountTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const admin = await currentUser();
  if (admin?.role !== "ADMIN") return FORBIDDEN;
  const ownerId = tokenIdSchema.safeParse(formData.get("ownerId"));
  if (!ownerId.success) return { error: "Choose a service account." };
  const form = parseTokenForm(formData);
  if (!form.ok) return form.state;
  try {
    const created = await createApiToken(admin, form.input, ownerId.data);
    revalidatePath("/admin/users");
    return { token: created.token, tokenName: form.input.name, savedAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}
