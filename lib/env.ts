import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/trusted-proxies";
import { parseAllowedHosts } from "@/lib/outbound/address-policy";

/**
 * The one place that reads configuration. Everything the app can be told comes from
 * environment variables, validated here; a missing or malformed value stops start-up
 * with a message that names it. `.env.example` documents each of them.
 */

const PLACEHOLDER_SECRETS = new Set(["change-me", "changeme", "replace-me-with-a-long-random-string", "secret"]);

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const OIDC_REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;

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
    // Unset: no proxy is trusted and the client address is the TCP peer (lib/http/trusted-proxies.ts).
    TRUSTED_PROXIES: z
      .string()
      .max(2000)
      .superRefine((value, ctx) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
    HEALTH_TOKEN: z.string().min(16, { error: "use at least 16 characters (openssl rand -hex 24)" }).max(512).optional(),
    CHANGE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000_000).default(100),
    CHANGE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    REDIS_URL: z.url().optional(),
    // App workers for `npm start` (server.ts, lib/boot/cluster-primary.ts). Unset: one process
    // (server.ts says why). `npm run dev` always runs one.
    WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    /** How often each watched plan's room hears its latest sequence number (missed relays are caught up within one beat). */
    PLAN_HEARTBEAT_SECONDS: z.coerce.number().min(0.2).max(60).default(5),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    IMPORT_PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the issuer's http(s):// URL" }).optional(),
    OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_NAME: z.string().trim().min(1).max(60).default("Single sign-on"),
    // Exceptions to the outbound address policy (lib/outbound/address-policy.ts), for webhooks and step checks alike.
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .max(4000)
      .superRefine((value, ctx) => {
        try {
          parseAllowedHosts(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      })
      .optional(),
    /** Webhook deliveries (lib/webhooks/): first retry delay (doubling after each failure), per-request time limit, idle poll. */
    WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(10_000),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    /** Outgoing mail (lib/mail/): unset, nothing is sent and /dev/mail shows what would have been. */
    SMTP_URL: z
      .string()
      .max(2000)
      .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587")
      .optional(),
    MAIL_FROM: z.string().trim().min(3).max(320).default("Preflight <preflight@localhost>"),
    /** The mail worker: idle poll, and the first retry delay after a temporary failure (doubling after each one). */
    MAIL_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
    /** How often the notification scheduler (lib/notifications/scheduler.ts) looks for plans starting soon, checks due and quiet running plans. */
    NOTIFY_SWEEP_MS: z.coerce.number().int().min(1_000).max(600_000).default(30_000),
  })
  .superRefine((settings, ctx) => {
    // Single sign-on is all or nothing: a half-configured provider would fail only at the first sign-in.
    const present = OIDC_REQUIRED.filter((name) => settings[name] !== undefined);
    if (present.length > 0) {
      for (const name of OIDC_REQUIRED) {
        if (settings[name] !== undefined) continue;
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: `missing: single sign-on needs ${OIDC_REQUIRED.join(", ")} together (${present.join(", ")} ${present.length === 1 ? "is" : "are"} set)`,
        });
      }
    }

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

/**
 * DATA_DIRECTORY: where local state lives (the embedded database, the development secret),
 * `.data` when unset. Read on its own because it is needed before the other settings are final.
 */
export function dataDirectorySetting(): string | undefined {
  return process.env.DATA_DIRECTORY?.trim() || undefined;
}

export function isProduction(): boolean {
  return settings().NODE_ENV === "production";
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Label of the sign-in button: "Sign in with <name>". */
  name: string;
}

/** The OpenID Connect provider to offer on the sign-in page, or null when single sign-on is not configured. */
export function oidcSettings(source: Settings = settings()): OidcSettings | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret, OIDC_NAME: name } = source;
  if (!issuer || !clientId || !clientSecret) return null;
  return { issuer, clientId, clientSecret, name };
}
