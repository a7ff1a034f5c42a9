import type { IncomingHttpHeaders } from "node:http";

/**
 * Whether a socket.io request (handshake, polling request or WebSocket upgrade) may come from
 * where it says it comes from. Only the app's own pages may open a live connection with the
 * session cookie: another site must not ride on it (cross-site WebSocket hijacking).
 *
 * The app's own origin is AUTH_URL's when set (the public URL, which is what the browser sends
 * behind a reverse proxy), else the request's own host and scheme as the proxy forwards them.
 *
 * A request without an Origin header is allowed. Browsers send Origin on every WebSocket
 * handshake and on every cross-origin request, so a browser request without one is the page's
 * own same-origin polling GET (browsers omit Origin there), and anything else is a non-browser
 * client (scripts, the tests and benchmarks, which connect with socket.io-client from Node):
 * such a client presents its own credentials, so there is no ambient cookie to abuse. Refusing
 * them would break same-origin polling in browsers and protect nothing.
 */
export function isAllowedSocketOrigin(headers: IncomingHttpHeaders, options: { appUrl?: string; encrypted: boolean }): boolean {
  const fetchSite = firstValue(headers["sec-fetch-site"]);
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = firstValue(headers.origin);
  if (origin === undefined) return true;
  const expected = expectedOrigin(headers, options);
  return expected !== null && origin.toLowerCase() === expected;
}

function expectedOrigin(headers: IncomingHttpHeaders, options: { appUrl?: string; encrypted: boolean }): string | null {
  try {
    if (options.appUrl) return new URL(options.appUrl).origin;
    const host = firstValue(headers["x-forwarded-host"])?.split(",")[0]?.trim() || firstValue(headers.host);
    const proto = firstValue(headers["x-forwarded-proto"])?.split(",")[0]?.trim() || (options.encrypted ? "https" : "http");
    if (!host || (proto !== "http" && proto !== "https")) return null;
    // URL normalises case and drops a default port, as browsers do in Origin.
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
