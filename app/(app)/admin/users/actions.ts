"use server";

import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { adminCreateUser, resetPassword, setIdentityLinkAllowed, setUserActive } from "@/lib/users/admin-users";
import { adminCreateUserSchema, fieldErrorsOf, resetPasswordSchema, setIdentityLinkSchema, setUserActiveSchema } from "@/lib/users/admin-users.schemas";
import type { CurrentUser } from "@/lib/users/find-active-user";

/** What the admin user forms show after a submission. Passwords are never sent back. */
export interface AdminUserFormState {
  /** A success message, e.g. "Created Sam Doe". */
  notice?: string;
  error?: string;
  /** HTTP-style status of a refusal: 403 for a non-admin, 409 for the last admin, … */
  status?: number;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  /** Changes on every success, so a form can reset or close itself. */
  savedAt?: number;
}

const FORBIDDEN: AdminUserFormState = { status: 403, error: "Only administrators can manage users." };

/** The signed-in active admin, or null: every action refuses everyone else with a 403. */
async function sessionAdmin(): Promise<CurrentUser | null> {
  const user = await currentUser();
  return user?.role === "ADMIN" ? user : null;
}

function textValues(formData: FormData, fields: string[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
}

function refusal(error: unknown, values?: Record<string, string>): AdminUserFormState {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors = error.details?.fieldErrors as Record<string, string> | undefined;
  return fieldErrors ? { status: error.status, values, fieldErrors } : { status: error.status, values, error: error.message };
}

export async function createUserAction(_previous: AdminUserFormState, formData: FormData): Promise<AdminUserFormState> {
  const admin = await sessionAdmin();
  if (!admin) return FORBIDDEN;
  const values = textValues(formData, ["name", "email"]);
  const parsed = adminCreateUserSchema.safeParse({ ...values, password: formData.get("password") ?? "", admin: formData.get("admin") ?? undefined });
  if (!parsed.success) return { status: 422, values: { ...values, admin: formData.get("admin") ? "on" : "" }, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const created = await adminCreateUser(admin.id, parsed.data);
    revalidatePath("/admin/users");
    return { notice: `Created ${created.name} (${created.email}).`, savedAt: Date.now() };
  } catch (error) {
    return refusal(error, { ...values, admin: parsed.data.admin ? "on" : "" });
  }
}

export async function resetPasswordAction(_previous: AdminUserFormState, formData: FormData): Promise<AdminUserFormState> {
  const admin = await sessionAdmin();
  if (!admin) return FORBIDDEN;
  const parsed = resetPasswordSchema.safeParse({ userId: formData.get("userId") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: 422, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const user = await resetPassword(admin.id, parsed.data);
    revalidatePath("/admin/users");
    return { notice: `New password set for ${user.name}.`, savedAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}

export async function setUserActiveAction(_previous: AdminUserFormState, formData: FormData): Promise<AdminUserFormState> {
  const admin = await sessionAdmin();
  if (!admin) return FORBIDDEN;
  const parsed = setUserActiveSchema.safeParse({ userId: formData.get("userId") ?? "", active: formData.get("active") ?? "" });
  if (!parsed.success) return { status: 422, error: fieldErrorsOf(parsed.error).userId ?? "Choose whether to activate or deactivate the user." };
  try {
    const user = await setUserActive(admin.id, parsed.data);
    revalidatePath("/admin/users");
    return { notice: `${user.name} is now ${user.active ? "active" : "deactivated"}.`, savedAt: Date.now() };
  } catch (error) {
    return refusal(error);
  }
}

export async function setIdentityLinkAction(_previous: AdminUserFormState, formData: FormData): Promise<AdminUserFormState> {
  const admin = await sessionAdmin();
  if (!admin) return FORBIDDEN;
  const parsed = setIdentityLinkSchema.safeParse({ userId: formData.get("userId") ?? "", allowed: formData.get("allowed") ?? "" });
  if (!parsed.success) return { status: 422, error: fieldErrorsOf(parsed.error).userId ?? "Choose whether to allow the link." };
  try {
    const user = await setIdentityLinkAllowed(admin.id, parsed.data);
    revalidatePath("/admin/users");
    return {
      notice: user.identityLinkAllowed
        ? `${user.name}'s next single sign-on with ${user.email} will be linked to this account.`
        : `Single sign-on link for ${user.name} withdrawn.`,
      savedAt: Date.now(),
    };
  } catch (error) {
    return refusal(error);
  }
}
