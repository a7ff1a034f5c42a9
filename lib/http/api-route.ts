import type { NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/users/find-active-user";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { isSameOriginRequest } from "@/lib/http/same-origin";

interface RouteContext<Params> {
  request: NextRequest;
  params: Params;
}

/**
 * Wraps a route handler with the checks every API route needs: same-origin for writes,
 * a session unless the route is public (401 as JSON, never a redirect), and one error mapper.
 */
export function authenticatedRoute<Params = Record<string, never>>(
  handler: (context: RouteContext<Params> & { user: CurrentUser }) => Promise<Response>,
) {
  return async (request: NextRequest, segment: { params: Promise<Params> }) => {
    try {
      if (!isSameOriginRequest(request)) {
        return errorJson("forbidden", "This request came from another site and was refused.", 403);
      }
      const user = await currentUser();
      if (!user) return errorJson("unauthenticated", "Sign in to use this API.", 401);
      return await handler({ request, params: await segment.params, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
