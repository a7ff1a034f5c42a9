import { ZodError } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/database-unavailable";
import { noteDatabaseUnavailable } from "@/lib/db/outage-log";

// No Next.js imports here: socket handlers run outside Next's request context.

export interface ErrorBody {
  error: { code: AppErrorCode | "internal"; message: string; issues?: { path: string; message: string }[]; [detail: string]: unknown };
}

/**
 * The one place errors become answers, for HTTP and socket handlers alike: expected ones keep
 * their message (and details such as the fresh state after a conflict), others are logged and
 * hidden behind a generic message.
 */
export function describeError(error: unknown): { status: number; body: ErrorBody } {
  const answer = (code: ErrorBody["error"]["code"], message: string, status: number, extra?: Partial<ErrorBody["error"]>) => ({
    status,
    body: { error: { code, message, ...extra } },
  });
  if (error instanceof AppError) return answer(error.code, error.message, error.status, error.details);
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return answer("bad_request", issues[0]?.message ?? "Some fields are missing or invalid.", 400, { issues });
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return answer("conflict", "That already exists.", 409);
    if (error.code === "P2025") return answer("not_found", "Not found.", 404);
  }
  if (isDatabaseUnavailable(error)) {
    // An outage, not a bug: one log line for the whole outage, no stack, and an answer the
    // caller may retry after Retry-After. Prisma's messages start with a code excerpt; the
    // reason is their last line.
    const reason = (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1) ?? "unknown";
    noteDatabaseUnavailable(reason);
    logger.debug("request refused: database unavailable", reason);
    return answer("unavailable", DATABASE_UNAVAILABLE_MESSAGE, 503, { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS });
  }
  logger.error("unhandled error", error);
  return answer("internal", "Something went wrong on our side. Please try again.", 500);
}

