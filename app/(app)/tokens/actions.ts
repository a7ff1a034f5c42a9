"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeToken } from "@/lib/tokens/manage-tokens";
import { parseTokenForm, type TokenFormState } from "@/lib/tokens/token-form";
import { tokenIdSchema } from "@/lib/tokens/token.schemas";

const SIGNED_OUT: TokenFormState = { error: "Your session has ended. Sign in again." };

/** Creates a token for the signed-in person; the answer carries the secret this once. */
export async function createTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const form = parseTokenForm(formData);
  if (!form.ok) return form.state;
  try {
    const created = await createApiToken(user, form.input);
    revalidatePath("/tokens");
    return { token: created.token, tokenName: form.input.name, savedAt: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}

/** Revokes a token of the signed-in person (an administrator: anyone's); it answers 401 from the next request on. */
export async function revokeTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  const user = await currentUser();
  if (!user) return SIGNED_OUT;
  const tokenId = tokenIdSchema.safeParse(formData.get("tokenId"));
  if (!tokenId.success) return { error: "Choose a token to revoke." };
  try {
    const token = await revokeToken(user, tokenId.data);
    revalidatePath("/tokens");
    revalidatePath("/admin/users");
    return { notice: `Revoked ${token.name}.`, savedAt: Date.now() };
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
}
