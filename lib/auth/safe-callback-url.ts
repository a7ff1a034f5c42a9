/** Only same-site paths may be redirected to after sign-in; anything else goes to the plans page. */
export function safeCallbackUrl(candidate: string | null | undefined, fallback = "/plans"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return fallback;
  return candidate;
}
