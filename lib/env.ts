import { z } from "zod";

/**
 * The one place that reads configuration. Everything the app can be told comes from
 * environment variables, validated here; a missing or malformed value stops start-up
 * with a message that names it. `.env.example` documents each of them.
 */

const PLACEHOLDER_SECRETS = new Set(["change-me", "changeme", "replace-me-with-a-long-random-string", "secret"]);

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const settingsSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(1024).max(65535).optional(),
    AUTH_SECRET: z.string().optional(),
    AUTH_URL: z.url().optional(),
    AUTH_TRUST_HOST: booleanFromString.default(true),
    DEMO_DATA: z.enum(["auto", "true", "false"]).default("auto"),
    LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(10),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
    REDIS_URL: z.url().optional(),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  })
  .superRefine((settings, ctx) => {
    if (settings.NODE_ENV !== "production") return;
    const secret = settings.AUTH_SECRET ?? "";
    if (secret.length < 32 || PLACEHOLDER_SECRETS.has(secret.toLowerCase())) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message:
          "production needs a real secret of at least 32 characters (generate one with: openssl rand -base64 32)",
      });
    }
  });

export type Settings = z.infer<typeof settingsSchema>;

export class ConfigurationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigurationError";
  }
}

export function parseSettings(source: Record<string, string | undefined>): Settings {
  // Treat empty strings as unset, as shells and .env files commonly produce them.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = settingsSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigurationError(result.error.issues.map((issue) => `${issue.path.join(".") || "settings"}: ${issue.message}`));
  }
  return result.data;
}

let cached: Settings | undefined;

/** Settings of this process, parsed once. */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** The database URL in use; the custom server resolves it (embedded or external) before anything connects. */
export function databaseUrl(): string {
  const url = settings().DATABASE_URL;
  if (!url) throw new ConfigurationError(["DATABASE_URL: not resolved; start the app with `npm run dev` or `npm start`"]);
  return url;
}

export function isProduction(): boolean {
  return settings().NODE_ENV === "production";
}
