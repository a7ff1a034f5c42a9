import type { HeaderReader } from "@/lib/http/header-reader";

/**
 * HSTS for answers given over HTTPS (directly or behind a proxy that says so), set by
 * proxy.ts for Next's answers and by the custom server's fast path for its own.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

export function isHttpsRequest(headers: HeaderReader, protocol: string): boolean {
  return headers.get("x-forwarded-proto") === "https" || protocol === "https:";
}
