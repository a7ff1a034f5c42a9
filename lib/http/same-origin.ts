/**
 * Cross-site request forgery guard for route handlers that change state with the session
 * cookie. Browsers send Origin (and Sec-Fetch-Site) on every such request; a mismatch means
 * another site is riding on the user's cookie. Non-browser clients send neither and have no
 * ambient cookie to abuse, so they pass.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method)) return true;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  return origin === expectedOrigin(request);
}

function expectedOrigin(request: Request): string {
  const url = new URL(request.url);
  // Behind a reverse proxy the public host and scheme arrive in forwarded headers.
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || url.host;
  const proto = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || url.protocol.replace(":", "");
  return `${proto}://${host}`;
}
