"use server";

import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { createFirstUser, hasAnyUser, INSTANCE_ALREADY_SET_UP } from "@/lib/users/create-user";
import { newAccountSchema } from "@/lib/validations/auth";

export interface SetupState {
  error?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string>>;
  values?: { name?: string; email?: string };
}

/** Creates the first account of an empty instance (it becomes admin) and signs it in. */
export async function createFirstAccountAction(_previous: SetupState, formData: FormData): Promise<SetupState> {
  const values = { name: String(formData.get("name") ?? ""), email: String(formData.get("email") ?? "") };
  if (await hasAnyUser()) return { values, error: INSTANCE_ALREADY_SET_UP };

  const parsed = newAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: SetupState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === "name" || field === "email" || field === "password") fieldErrors[field] ??= issue.message;
    }
    return { values, fieldErrors };
  }

  try {
    // Decided again under a lock: of concurrent submissions on an empty instance exactly one creates an account.
    await createFirstUser(parsed.data);
  } catch (error) {
    if (error instanceof AppError) return { values, error: error.message };
    throw error;
  }
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/plans" });
  return {};
}
