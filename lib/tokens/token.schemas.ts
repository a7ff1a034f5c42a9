import { z } from "zod";

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
export const MAX_TOKEN_PLANS = 100;

export const tokenScopeSchema = z.enum(["read", "write"]);
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** The body of `POST /api/tokens`, and of the Tokens page's form once its fields are read. */
export const createTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100, "Keep the name under 100 characters."),
  scope: tokenScopeSchema,
  expiresInDays: z
    .number({ error: "Give the expiry in days." })
    .int("Give the expiry in whole days.")
    .min(1, "A token lasts at least one day.")
    .max(MAX_TOKEN_DAYS, `A token lasts at most ${MAX_TOKEN_DAYS} days.`)
    .default(DEFAULT_TOKEN_DAYS),
  planIds: z.array(z.string().min(1).max(64)).max(MAX_TOKEN_PLANS, `A token can name at most ${MAX_TOKEN_PLANS} plans.`).optional(),
  /** Administration rights: only an administrator can create such a token, and only for themselves. */
  admin: z.boolean().optional(),
});
export type CreateTokenInput = z.input<typeof createTokenSchema>;

/** The answer of `POST /api/tokens`: the secret is in it this once and never again. */
export const createdTokenSchema = z.object({ id: z.string(), token: z.string(), expiresAt: z.iso.datetime() });

/** A token as lists show it: never its secret or its hash. */
export const tokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: tokenScopeSchema,
  prefix: z.string(),
  planIds: z.array(z.string()),
  admin: z.boolean(),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  lastUsedAddress: z.string().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** As of the moment the list was read. */
  status: z.enum(["active", "expired", "revoked"]),
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;

export const tokenIdSchema = z.string().min(1).max(64);
