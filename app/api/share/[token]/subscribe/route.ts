import { NextResponse, type NextRequest } from "next/server";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { readJsonBody } from "@/lib/http/limited-body";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { subscribeFromShareLink } from "@/lib/status-updates/subscribers";
import { subscribeRequestSchema } from "@/lib/status-updates/subscription-schemas";

/**
 * An outside stakeholder asks for the plan's status updates by email, from its share page:
 * { email }. Always 202 with the same words (a confirmation mail goes out when the address
 * still needs one); 404 for a revoked link, 429 when asked too often.
 */
export async function POST(request: NextRequest, segment: { params: Promise<{ token: string }> }) {
  try {
    if (!isSameOriginRequest(request)) return errorJson("forbidden", "This request came from another site and was refused.", 403);
    const { email } = subscribeRequestSchema.parse(await readJsonBody(request, 4 * 1024));
    const answer = await subscribeFromShareLink((await segment.params).token, email, clientAddressOf(request.headers));
    return NextResponse.json(answer, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
