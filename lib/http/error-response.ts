import { NextResponse } from "next/server";
import type { AppErrorCode } from "@/lib/errors";
import { describeError, type ErrorBody } from "@/lib/describe-error";

export type { ErrorBody } from "@/lib/describe-error";

export function errorJson(code: AppErrorCode | "internal", message: string, status: number, extra?: Partial<ErrorBody["error"]>) {
  return NextResponse.json<ErrorBody>({ error: { code, message, ...extra } }, { status });
}

/** The error as JSON; a refusal that says when to try again (429) also says it in Retry-After. */
export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body } = describeError(error);
  const retryAfter = body.error.retryAfterSeconds;
  return NextResponse.json(body, { status, ...(typeof retryAfter === "number" ? { headers: { "Retry-After": String(retryAfter) } } : {}) });
}
