import { NextResponse, type NextRequest } from "next/server";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/limited-body";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { confirmSubscription } from "@/lib/status-updates/subscribers";
import { subscriberTokenRequestSchema } from "@/lib/status-updates/subscription-schemas";

/** Confirms a subscription to a plan's status updates with the token from the confirmation mail: { token }. 200 with the plan's title; 404 for a used or unknown token. The token is the credential; no session is needed. */
export async function POST(request: NextRequest) {
  try {
    if (!isSameOriginRequest(request)) return errorJson("forbidden", "This request came from another site and was refused.", 403);
    const { token } = subscriberTokenRequestSchema.parse(await readJsonBody(request, 4 * 1024));
    return NextResponse.json(await confirmSubscription(token));
  } catch (error) {
    return errorResponse(error);
  }
}
