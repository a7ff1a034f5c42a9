import { z } from "zod";
import { STATUS_BY_CODE, type AppErrorCode } from "@/lib/errors";

/** The one error shape every route answers with (lib/describe-error.ts), as a schema for the OpenAPI document. */
export const errorBodySchema = z.object({
  error: z
    .object({
      code: z.enum([...(Object.keys(STATUS_BY_CODE) as AppErrorCode[]), "internal"]),
      message: z.string().describe("Written for the person who reads it."),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional().describe("The invalid fields of a 400."),
      retryAfterSeconds: z.number().optional().describe("With 429 and 503; also in Retry-After."),
    })
    .loose(),
});

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The input is invalid; `issues` names the fields",
  401: "No session, or the API token is unknown, revoked or expired, or its owner deactivated",
  403: "Not allowed: your role, a read-only token, or a token where tokens are not accepted",
  404: "Not found, or you cannot see it",
  409: "Someone changed it first; `current` holds the fresh state",
  413: "The body is too large",
  422: "Understood but refused (e.g. a document that is not a plan)",
  429: "Too many changes; wait Retry-After seconds",
  503: "The database is unavailable; retry after Retry-After seconds",
};
