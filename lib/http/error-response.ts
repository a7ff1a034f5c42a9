import { NextResponse } from "next/server";
import type { AppErrorCode } from "@/lib/errors";
import { describeError, type ErrorBody } from "@/lib/describe-error";

export type { ErrorBody } from "@/lib/describe-error";

export function errorJson(code: AppErrorCode | "internal", message: string, status: number, extra?: Partial<ErrorBody["error"]>) {
  return NextResponse.json<ErrorBody>({ error: { code, message, ...extra } }, { status });
}

export function errorResponse(error: unknown): NextResponse<ErrorBody> {
  const { status, body } = describeError(error);
  return NextResponse.json(body, { status });
}
