/**
 * The client's address as far as we can tell: the first hop a reverse proxy reports, else
 * the direct peer's (which Next does not expose to route handlers), else "unknown".
 * Used only to key rate limits, never for authorisation.
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
