import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { isProduction, settings } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { isHttpsRequest, STRICT_TRANSPORT_SECURITY } from "@/lib/http/transport-security";

/**
 * Redirects and response headers only: signed-out visitors go to the sign-in page, pages
 * get a per-request CSP nonce, and HTTPS responses get HSTS. The real checks live in the
 * pages, route handlers and socket handlers; this is never the security boundary.
 */

const PUBLIC_PAGES = ["/sign-in", "/setup", "/notifications/unsubscribe"];
/** Read-only share links open without an account; the page checks the token itself. */
const PUBLIC_PREFIXES = ["/share/"];
// Status-update subscribers confirm and unsubscribe from links in mails, without an account.
PUBLIC_PREFIXES.push("/subscriptions/");

function isHttps(request: NextRequest): boolean {
  return isHttpsRequest(request.headers, request.nextUrl.protocol);
}

function withTransportSecurity(response: NextResponse, request: NextRequest): NextResponse {
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // API routes answer 401/403 themselves, as JSON; they only get transport headers here.
  if (pathname.startsWith("/api/")) return withTransportSecurity(NextResponse.next(), request);

  // Reading the session cookie is enough to decide on a redirect; pages verify the account.
  const session = await getToken({ req: request, secret: settings().AUTH_SECRET, secureCookie: isHttps(request) });
  const isPublic = PUBLIC_PAGES.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  if (!session?.sub && !isPublic) {
    const signInUrl = new URL("/sign-in", request.nextUrl);
    if (pathname !== "/") signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signInUrl);
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy({ nonce, development: !isProduction(), https: isHttps(request) });
  // Next reads the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withTransportSecurity(response, request);
}

// The changes API is left out: when the proxy runs, Next first reads the whole request body
// (to hand it to both), which would defeat the route's streamed 64 KB limit (lib/http/limited-body.ts).
// (The custom server answers it before Next anyway: lib/http/fast-changes-route.ts.)
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/plans/[^/]+/changes$|.*\\.(?:png|svg|ico|webmanifest)$).*)"],
};
