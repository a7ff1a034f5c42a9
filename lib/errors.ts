/**
 * Errors a service throws on purpose. `lib/http/error-response.ts` maps them to HTTP
 * statuses; their messages are written for the person who will read them.
 */
export type AppErrorCode = "bad_request" | "unauthenticated" | "forbidden" | "not_found" | "conflict" | "too_large" | "unprocessable" | "rate_limited" | "unavailable";

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  // The database (or another service the app needs) cannot be reached; retrying later may work.
  unavailable: 503,
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
