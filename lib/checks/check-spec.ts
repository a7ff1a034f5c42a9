import { z } from "zod";

/**
 * A step's HTTP check: what to request and what answer counts as a pass. Stored on the step
 * (PlanItem.httpCheck), carried in the plan document, set by the `item.check` change and
 * written in Markdown as a "Check:" field line (check-line.ts).
 */
export const CHECK_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;
export const COMPARISON_OPERATORS = ["==", "!=", "<", "<=", ">", ">="] as const;
export const MAX_CHECK_TIMEOUT_MS = 60_000;
export const MAX_CHECK_RETRIES = 5;
export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];
export type JsonScalar = string | number | boolean | null;

const httpUrl = z
  .string()
  .trim()
  .min(1, { error: "Give the URL to check." })
  .max(2000, { error: "The URL can be at most 2000 characters." })
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return url.protocol === "http:" || url.protocol === "https:";
      } catch {
        return false;
      }
    },
    { error: "The URL must start with http:// or https://." },
  );

/** "/status", "/checks/0/ok", "" (the whole body); at most 500 characters. */
const jsonPointer = z
  .string()
  .max(500)
  .refine((pointer) => pointer === "" || pointer.startsWith("/"), { error: "A JSON pointer starts with / (like /status)." });

export const jsonComparisonSchema = z.object({
  pointer: jsonPointer,
  operator: z.enum(COMPARISON_OPERATORS),
  value: z.union([z.string().max(500), z.number().finite(), z.boolean(), z.null()]),
});

export const httpCheckSchema = z
  .object({
    method: z.enum(CHECK_METHODS),
    url: httpUrl,
    expectedStatus: z.number().int().min(100, { error: "The expected status is between 100 and 599." }).max(599, { error: "The expected status is between 100 and 599." }),
    /** The body must contain this text. */
    bodyContains: z.string().min(1).max(500).optional(),
    /** The JSON body's value at a pointer compared with a value: `/status == "ok"`, `/p99 < 350`. */
    json: jsonComparisonSchema.optional(),
    timeoutMs: z.number().int().min(100).max(MAX_CHECK_TIMEOUT_MS).default(DEFAULT_CHECK_TIMEOUT_MS),
    /** Further tries after a failed one (wrong status, timeout, unreachable). */
    retries: z.number().int().min(0).max(MAX_CHECK_RETRIES).default(0),
    /** Run by itself once every step this one waits for is settled. */
    auto: z.boolean().default(false),
  })
  .superRefine((check, ctx) => {
    const ordering = check.json && check.json.operator !== "==" && check.json.operator !== "!=";
    if (ordering && typeof check.json!.value !== "number") ctx.addIssue({ code: "custom", path: ["json", "value"], message: "<, <=, > and >= compare numbers." });
  });

export type HttpCheck = z.infer<typeof httpCheckSchema>;
export type HttpCheckInput = z.input<typeof httpCheckSchema>;

export const EXCERPT_CHARS = 500;

/** What the last run of a check found: the step's evidence. */
export const httpCheckResultSchema = z.object({
  ok: z.boolean(),
  /** The HTTP status, or null when no answer came (time-out, refused address, connection error). */
  status: z.number().int().min(100).max(599).nullable(),
  ms: z.number().int().min(0).max(10 * MAX_CHECK_TIMEOUT_MS),
  /** The start of the response body (at most EXCERPT_CHARS), or the error. */
  excerpt: z.string().max(EXCERPT_CHARS),
  /** Why it failed, in words; null when it passed. */
  reason: z.string().max(1000).nullable(),
  attempts: z.number().int().min(1).max(MAX_CHECK_RETRIES + 1),
  at: z.iso.datetime(),
});

export type HttpCheckResult = z.infer<typeof httpCheckResultSchema>;
