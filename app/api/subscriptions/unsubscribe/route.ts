import { NextResponse, type NextRequest } from "next/server";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/limited-body";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { unsubscribe } from "@/lib/status-updates/subscribers";
import { subscriberTokenRequestSchema } from "@/lib/status-updates/subscription-schemas";

/** Stops a plan's status updates for the address whose mail carried the token: { token }. 200 with the plan's title; 404 when the token unsubscribes no one. The token is the credential; no session is needed. */
export async function POST(request: NextRequest) {
  try {
    if (!isSameOriginRequest(request)) return errorJson("forbidden", "This request came from another site and was refused.", 403);
    const { token } = subscriberTokenRequestSchema.parse(await readJsonBody(request, 4 * 1024));
    return NextResponse.json(await unsubscribe(token));
  } catch (error) {
    return errorResponse(error);
  }
}
