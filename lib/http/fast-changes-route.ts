import type { IncomingMessage, ServerResponse } from "node:http";
import { getToken } from "next-auth/jwt";
import { settings } from "@/lib/env";
import { usesSecureSessionCookie } from "@/lib/auth/session-cookie";
import { describeError, type ErrorBody } from "@/lib/describe-error";
import { clientAddressOf } from "@/lib/http/client-address";
import { nodeHeaderReader, type HeaderReader } from "@/lib/http/header-reader";
import { assertDeclaredSizeWithin, MAX_CHANGE_BODY_BYTES, readNodeJsonBody } from "@/lib/http/limited-body";
import { CROSS_SITE_REFUSAL, SIGN_IN_REFUSAL } from "@/lib/http/refusals";
import { isSameOriginWrite } from "@/lib/http/same-origin";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/http/transport-security";
import { countChange } from "@/lib/limits/change-rate-limit";
import { applyPlanChange } from "@/lib/plan-state/apply-plan-change";
import { actorOf } from "@/lib/plan-state/plan-access";
import { assertTokenAllows, authenticateToken, bearerTokenOf } from "@/lib/tokens/authenticate-token";
import { findSessionUser, sessionVersionOfToken, type CurrentUser } from "@/lib/users/find-active-user";

/**
 * `POST /api/plans/:planId/changes`, answered by the custom server (server.ts) before Next's
 * router sees the request.
 *
 * Why: this is the route scripts, CI and the live benchmark tick through, and its answer should
 * cost what the write costs. Through Next, about 10 ms of every request went to Next's routing,
 * its request and response objects and Auth.js's auth() (which builds a Request and runs a
 * whole session action to read one cookie) before the write started; here the same checks run
 * on the Node request directly. It does exactly what app/api/plans/[planId]/changes/route.ts
 * with lib/http/api-route.ts does, with the same lib/ functions, the same change schema (inside
 * applyPlanChange), the same error mapper and the same answers and headers. That route file
 * stays: it is the route's documented definition (the OpenAPI route list is checked against
 * app/api), and it answers when the app runs without server.ts. server.ts runs in development
 * too, so both modes take this path. The integration test fast-changes-route.integration.test.ts
 * holds the two to the same answers.
 *
 * Only exactly `POST /api/plans/<one segment>/changes` (no trailing slash) is taken; everything
 * else, other methods on this path included, goes to Next.
 */

const PREFIX = "/api/plans/";
const SUFFIX = "/changes";

/** The plan id of a request this path serves, or null: a plain, anchored string match. */
export function fastChangesPlanId(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const query = url.indexOf("?");
  const pathname = query < 0 ? url : url.slice(0, query);
  if (!pathname.startsWith(PREFIX) || !pathname.endsWith(SUFFIX)) return null;
  const segment = pathname.slice(PREFIX.length, pathname.length - SUFFIX.length);
  if (!segment || segment.includes("/")) return null;
  try {
    // Next hands route handlers the decoded segment; one it cannot decode is left to Next.
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The headers Next adds to every answer: next.config.js `headers()` (a test compares them with
 * an answer of Next's), plus HSTS over HTTPS as proxy.ts adds it to other API routes.
 */
const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** Serves the request when it is this route's (and says so); any other request is left alone. */
export function serveFastChanges(request: IncomingMessage, response: ServerResponse): boolean {
  const planId = fastChangesPlanId(request.method, request.url);
  if (planId === null) return false;
  void answer(request, response, planId);
  return true;
}

async function answer(request: IncomingMessage, response: ServerResponse, planId: string): Promise<void> {
  const headers = nodeHeaderReader(request.headers);
  const encrypted = Boolean((request.socket as { encrypted?: boolean }).encrypted);
  const reply = (status: number, body: unknown, extra: Record<string, string> = {}) => {
    const json = JSON.stringify(body);
    response.writeHead(status, {
      ...SECURITY_HEADERS,
      ...(isHttpsRequest(headers, encrypted ? "https:" : "http:") ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}),
      "Content-Type": "application/json",
      "Content-Length": String(Buffer.byteLength(json)),
      ...extra,
    });
    response.end(json);
  };
  const refuse = (code: ErrorBody["error"]["code"], message: string, status: number) => reply(status, { error: { code, message } });
  let reading = false;

  try {
    const user = await authenticate(request, headers, planId, encrypted);
    if (user === "cross-site") return refuse("forbidden", CROSS_SITE_REFUSAL, 403);
    if (!user) return refuse("unauthenticated", SIGN_IN_REFUSAL, 401);
    // The size is checked before anything else is read, then the rate, then the body (capped).
    assertDeclaredSizeWithin({ headers }, MAX_CHANGE_BODY_BYTES);
    await countChange(user.id);
    reading = true;
    const body = await readNodeJsonBody(request, headers, MAX_CHANGE_BODY_BYTES);
    const { message, shareToken } = await applyPlanChange(actorOf(user), planId, body);
    // A new share link's token is in this answer only: it is never stored or broadcast.
    reply(201, { event: message, ...(shareToken ? { shareToken } : {}) });
  } catch (error) {
    if (response.headersSent) return void response.destroy();
    const { status, body } = describeError(error);
    const retryAfter = body.error.retryAfterSeconds;
    reply(status, body, typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : {});
    // A body refused half-read is read to its end and dropped, as Node does with one never
    // touched, so the client gets the answer rather than a reset and the connection stays
    // usable. An endless body is cut off by the server's request timeout, as on every route.
    if (reading && !request.readableEnded) request.resume();
  }
}

/**
 * Who is asking, as lib/http/api-route.ts decides it: an API token alone when the request has
 * an Authorization header (cookies ignored), else the session cookie, for a same-origin write only.
 */
async function authenticate(request: IncomingMessage, headers: HeaderReader, planId: string, encrypted: boolean): Promise<CurrentUser | "cross-site" | null> {
  const bearer = bearerTokenOf(headers);
  if (bearer !== null) {
    const { user, token } = await authenticateToken(bearer, clientAddressOf(headers));
    assertTokenAllows(token, { method: "POST", planId });
    return user;
  }
  if (!isSameOriginWrite("POST", headers, { host: headers.get("host") ?? "", protocol: encrypted ? "https" : "http" })) return "cross-site";
  const config = settings();
  const session = await getToken({
    req: { headers: request.headers as Record<string, string> },
    secret: config.AUTH_SECRET!,
    secureCookie: usesSecureSessionCookie(headers, { authUrl: config.AUTH_URL, encrypted }),
  }).catch(() => null);
  return session?.sub ? findSessionUser(session.sub, sessionVersionOfToken(session)) : null;
}
