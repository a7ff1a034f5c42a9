import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(200),
  callbackUrl: z.string().optional(),
});

export const newAccountSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter your name." }).max(120),
  email: emailSchema,
  password: z
    .string()
    .min(10, { error: "Use at least 10 characters for the password." })
    .max(200, { error: "Use at most 200 characters for the password." }),
});

export type SignInInput = z.infer<typeof signInSchema>;
export type NewAccountInput = z.infer<typeof newAccountSchema>;
