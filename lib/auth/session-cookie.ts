import type { HeaderReader } from "@/lib/http/header-reader";

/**
 * Whether the session cookie has Auth.js's `__Secure-` name for this request, decided as
 * Auth.js's own auth() decides it (@auth/core createActionURL): by AUTH_URL's scheme when it is
 * set, else by X-Forwarded-Proto, which Next sets from the connection when the client did not.
 * Used where a session is read outside Next (the custom server's fast path).
 */
export function usesSecureSessionCookie(headers: HeaderReader, { authUrl, encrypted }: { authUrl: string | undefined; encrypted: boolean }): boolean {
  if (authUrl) return authUrl.startsWith("https:");
  return (headers.get("x-forwarded-proto") ?? (encrypted ? "https" : "http")) === "https";
}
