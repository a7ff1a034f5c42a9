/** Where a callback URL may not lead: anything with control characters (browsers silently drop tabs and newlines) or backslashes (read as slashes). */
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
const MAX_LENGTH = 2_000;

/**
 * Only paths of this app may be redirected to after sign-in; anything else goes to `fallback`.
 * The candidate is read as the browser would read it (`new URL(candidate, appOrigin)`), must keep
 * the app's origin, and is given back as a path, so that `/\t/evil.example` (which a browser turns
 * into `//evil.example`) or `/\evil` cannot lead off-site.
 */
export function safeCallbackUrl(candidate: string | null | undefined, appOrigin: string, fallback = "/plans"): string {
  if (!candidate || candidate.length > MAX_LENGTH || FORBIDDEN_CHARACTERS.test(candidate)) return fallback;
  let origin: string;
  let target: URL;
  try {
    origin = new URL(appOrigin).origin;
    target = new URL(candidate, origin);
  } catch {
    return fallback;
  }
  if (target.origin !== origin) return fallback;
  // Only relative paths ("/x") or this origin's absolute URLs: not "plans" (relative to whatever page) or "javascript:".
  if (!candidate.startsWith("/") && !candidate.toLowerCase().startsWith(`${origin}/`) && candidate.toLowerCase() !== origin) return fallback;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A path that starts with two slashes would be read as another host when used as a relative URL.
  if (path.startsWith("//")) return fallback;
  return path;
}
