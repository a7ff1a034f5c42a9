import type { HeaderReader } from "@/lib/http/header-reader";

/**
 * Cross-site request forgery guard for route handlers that change state with the session
 * cookie. Browsers send Origin (and Sec-Fetch-Site) on every such request; a mismatch means
 * another site is riding on the user's cookie. Non-browser clients send neither and have no
 * ambient cookie to abuse, so they pass.
 */
export function isSameOriginRequest(request: Request): boolean {
  const url = new URL(request.url);
  return isSameOriginWrite(request.method, request.headers, { host: url.host, protocol: url.protocol.replace(":", "") });
}

/**
 * The same rule over plain headers, for a request that is not a Fetch `Request` (the custom
 * server's fast path). `own` is where the request arrived when no forwarded header says otherwise.
 */
export function isSameOriginWrite(method: string, headers: HeaderReader, own: { host: string; protocol: string }): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method)) return true;
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = headers.get("origin");
  if (!origin) return true;
  return origin === expectedOrigin(headers, own);
}

function expectedOrigin(headers: HeaderReader, own: { host: string; protocol: string }): string {
  // Behind a reverse proxy the public host and scheme arrive in forwarded headers.
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || own.host;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || own.protocol;
  return `${proto}://${host}`;
}
