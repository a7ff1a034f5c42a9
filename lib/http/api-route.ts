import type { NextRequest } from "next/server";
import { currentUser } from "@/lib/auth/current-user";
import type { CurrentUser } from "@/lib/users/find-active-user";
import { errorJson, errorResponse } from "@/lib/http/error-response";
import { clientAddressOf } from "@/lib/http/client-address";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { CROSS_SITE_REFUSAL, SIGN_IN_REFUSAL } from "@/lib/http/refusals";
import { assertTokenAllows, authenticateToken, bearerTokenOf, type TokenRestrictions } from "@/lib/tokens/authenticate-token";

interface RouteContext<Params> {
  request: NextRequest;
  params: Params;
}

export interface RouteOptions {
  /**
   * Whether an API token (`Authorization: Bearer …`) may call the route: yes for the plan API,
   * no for routes that manage the tokens themselves, which need a signed-in person.
   */
  tokens?: boolean;
}

/**
 * Wraps a route handler with the checks every API route needs: same-origin for writes with a
 * session cookie, a session or an API token unless the route is public (401 as JSON, never a
 * redirect), a token's own limits (scope, plans), and one error mapper.
 *
 * A request with an Authorization header is authenticated by its token alone; its cookies are
 * ignored. Browsers never attach that header on their own, and another site cannot add it
 * without a CORS preflight we never grant, so such a request needs no same-origin check.
 */
export function authenticatedRoute<Params = Record<string, never>>(
  handler: (context: RouteContext<Params> & { user: CurrentUser; token: TokenRestrictions | null }) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: NextRequest, segment: { params: Promise<Params> }) => {
    try {
      const bearer = bearerTokenOf(request.headers);
      if (bearer !== null) {
        if (options.tokens === false) return errorJson("forbidden", "API tokens cannot be used here; sign in to Preflight instead.", 403);
        const { user, token } = await authenticateToken(bearer, clientAddressOf(request.headers));
        const params = await segment.params;
        assertTokenAllows(token, { method: request.method, planId: planIdOf(params) });
        return await handler({ request, params, user, token });
      }
      if (!isSameOriginRequest(request)) {
        return errorJson("forbidden", CROSS_SITE_REFUSAL, 403);
      }
      const user = await currentUser();
      if (!user) return errorJson("unauthenticated", SIGN_IN_REFUSAL, 401);
      return await handler({ request, params: await segment.params, user, token: null });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

function planIdOf(params: unknown): string | undefined {
  const planId = (params as { planId?: unknown } | null)?.planId;
  return typeof planId === "string" ? planId : undefined;
}
