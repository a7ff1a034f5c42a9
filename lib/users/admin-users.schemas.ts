import { z } from "zod";
import { emailSchema } from "@/lib/validations/auth";

/** Inputs of the admin user-management functions (lib/users/admin-users.ts) and their forms. */

const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, { error: "Use at least 8 characters for the password." })
  .max(200, { error: "Use at most 200 characters for the password." });

// A checkbox sends "on" when ticked and nothing when not; code may pass a boolean.
const checkboxSchema = z.union([z.boolean(), z.stringbool()]).default(false);

const userIdSchema = z.string({ error: "Choose a user." }).trim().min(1, { error: "Choose a user." }).max(64);

export const adminCreateUserSchema = z.object({
  name: z.string({ error: "Enter a name." }).trim().min(1, { error: "Enter a name." }).max(120, { error: "Use at most 120 characters for the name." }),
  email: emailSchema,
  password: passwordSchema,
  admin: checkboxSchema,
});

export const resetPasswordSchema = z.object({
  userId: userIdSchema,
  password: passwordSchema,
});

export const setUserActiveSchema = z.object({
  userId: userIdSchema,
  active: z.union([z.boolean(), z.stringbool()]),
});

export const setIdentityLinkSchema = z.object({
  userId: userIdSchema,
  allowed: z.union([z.boolean(), z.stringbool()]),
});

export type AdminCreateUserInput = z.input<typeof adminCreateUserSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type SetUserActiveInput = z.input<typeof setUserActiveSchema>;
export type SetIdentityLinkInput = z.input<typeof setIdentityLinkSchema>;

/** The first message for each field of a failed parse, for showing beside the form's inputs. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return fieldErrors;
}
