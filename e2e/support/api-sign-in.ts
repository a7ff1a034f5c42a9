import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";

/** Where e2e/auth.setup.ts keeps an account's signed-in storage state for this run. */
export function storageStatePath(email: string): string {
  return path.resolve("e2e/.auth", `${email}.json`);
}

export type ApiSignIn = { signedIn: true } | { signedIn: false; code: string };

/**
 * Signs in through Auth.js's own HTTP endpoints, as its sign-in form does underneath: fetch
 * a CSRF token (which also sets its cookie), then post the credentials form-encoded. The
 * session cookie lands in `request`'s cookie jar (a browser context's `request` shares it
 * with the context's pages). A refusal redirects to the sign-in page with `code=…`
 * ("credentials" for a wrong or deactivated account, "rate_limited" when limited).
 */
export async function signInThroughApi(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<ApiSignIn> {
  const csrf = await request.get("/api/auth/csrf");
  if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/plans" },
    maxRedirects: 0,
  });
  const location = answer.headers()["location"];
  if (answer.status() !== 302 || !location) throw new Error(`sign-in for ${email} answered ${answer.status()}: ${await answer.text()}`);
  const target = new URL(location, "http://placeholder");
  const error = target.searchParams.get("error");
  if (error) return { signedIn: false, code: target.searchParams.get("code") ?? error };
  return { signedIn: true };
}
