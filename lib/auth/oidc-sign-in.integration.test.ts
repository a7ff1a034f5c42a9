import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startAppProcess, type AppProcess } from "@/lib/testing/app-process";
import { HttpBrowser, locationOf } from "@/lib/testing/http-browser";
import { integrationDatabase } from "@/lib/testing/integration-env";
import { startOidcTestProvider, type OidcTestProvider } from "@/lib/testing/oidc-test-provider";
import { resetDatabase } from "@/lib/testing/reset-database";
import { allowIdentityLink } from "@/lib/users/oidc-user";
import { createUser } from "@/lib/users/create-user";

/**
 * Single sign-on against a real OpenID provider (oidc-provider on a loopback port) and the real
 * app server: the whole authorization-code flow, as a browser would make it, hop by hop.
 */
let provider: OidcTestProvider;
let app: AppProcess;

beforeAll(async () => {
  provider = await startOidcTestProvider();
  app = await startAppProcess(integrationDatabase().url, {
    env: { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret, OIDC_NAME: "Test ID" },
  });
  provider.registerApp(app.url);
}, 90_000);
afterAll(async () => {
  await app?.stop();
  await provider?.stop();
});
beforeEach(resetDatabase);

interface SignOnOutcome {
  /** Where the app finally sent the browser. */
  landedOn: URL;
  /** The session the app then reports (null when signed out). */
  session: { user?: { id?: string; email?: string; name?: string; role?: string } } | null;
  browser: HttpBrowser;
}

/** Clicks "Sign in with Test ID", logs in at the provider as `accountId`, consents, and follows every redirect back. */
async function signOn(accountId: string): Promise<SignOnOutcome> {
  const browser = new HttpBrowser();
  const csrf = await browser.request(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  let response = await browser.request(`${app.url}/api/auth/signin/oidc`, { form: { csrfToken, callbackUrl: "/plans" } });
  let url = `${app.url}/api/auth/signin/oidc`;

  for (let hop = 0; hop < 20; hop += 1) {
    const next = locationOf(response, url);
    if (next) {
      const target = new URL(next);
      // Back at the app, outside Auth.js's endpoints: the flow is over.
      if (target.origin === app.url && !target.pathname.startsWith("/api/auth/")) {
        const session = (await (await browser.request(`${app.url}/api/auth/session`)).json()) as SignOnOutcome["session"];
        return { landedOn: target, session, browser };
      }
      url = next;
      response = await browser.request(url);
      continue;
    }
    // The provider's development interaction page: a login form, then a consent form.
    const page = await response.text();
    expect(response.status, `${url}: ${page.slice(0, 500)}`).toBe(200);
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    response = await browser.request(url, { form: prompt === "login" ? { prompt, login: accountId, password: "any" } : { prompt: prompt ?? "" } });
  }
  throw new Error("the sign-in flow did not end within 20 redirects");
}

describe("single sign-on with a real OpenID provider", () => {
  it("creates an account for a new, verified identity, and signs the same (issuer, subject) in to it again", async () => {
    await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    provider.setClaims("alice-sub", { email: "alice@example.com", email_verified: true, name: "Alice Example" });

    const first = await signOn("alice-sub");
    expect(first.landedOn.pathname).toBe("/plans");
    expect(first.session?.user).toMatchObject({ email: "alice@example.com", name: "Alice Example", role: "MEMBER" });
    const alice = await db().user.findUniqueOrThrow({ where: { email: "alice@example.com" }, select: { id: true } });
    expect(first.session?.user?.id).toBe(alice.id);
    expect(await db().externalIdentity.findMany({ select: { issuer: true, subject: true, userId: true } })).toEqual([
      { issuer: provider.issuer, subject: "alice-sub", userId: alice.id },
    ]);

    // Returning, with another email at the provider: still the linked account, no new one.
    provider.setClaims("alice-sub", { email: "alice.renamed@example.com", email_verified: true, name: "Alice Renamed" });
    const again = await signOn("alice-sub");
    expect(again.landedOn.pathname).toBe("/plans");
    expect(again.session?.user?.id).toBe(alice.id);
    expect(await db().user.count()).toBe(2);
  });

  it("refuses an identity whose email is not verified: the claim missing, false, or the string \"false\"", async () => {
    await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    for (const [accountId, verified] of [["missing-sub", undefined], ["false-sub", false], ["string-sub", "false"]] as const) {
      provider.setClaims(accountId, { email: `${accountId}@example.com`, ...(verified === undefined ? {} : { email_verified: verified }) });
      const outcome = await signOn(accountId);
      expect(`${outcome.landedOn.pathname}${outcome.landedOn.search}`, accountId).toBe("/sign-in?error=SingleSignOnRefused&reason=unverified-email");
      expect(outcome.session, accountId).toBeNull();
    }
    expect(await db().user.count()).toBe(1);
    expect(await db().externalIdentity.count()).toBe(0);
  });

  it("never takes over an existing password account by email, says so on the sign-in page, and links once an administrator allowed it", async () => {
    const admin = await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    provider.setClaims("intruder-sub", { email: "admin@example.com", email_verified: true, name: "Not The Admin" });

    const refused = await signOn("intruder-sub");
    expect(`${refused.landedOn.pathname}${refused.landedOn.search}`).toBe("/sign-in?error=SingleSignOnRefused&reason=email-taken");
    expect(refused.session).toBeNull();
    const page = await (await refused.browser.request(refused.landedOn.href)).text();
    expect(page).toContain("An account with this email already exists. Sign in with your password; an administrator can allow single sign-on to be linked to it.");
    expect(await db().externalIdentity.count()).toBe(0);

    await allowIdentityLink(admin.id);
    provider.setClaims("admin-sub", { email: "admin@example.com", email_verified: true });
    const linked = await signOn("admin-sub");
    expect(linked.landedOn.pathname).toBe("/plans");
    expect(linked.session?.user).toMatchObject({ id: admin.id, email: "admin@example.com", role: "ADMIN" });
    // The allowance was for one link: the earlier identity is still refused.
    expect((await signOn("intruder-sub")).landedOn.searchParams.get("reason")).toBe("email-taken");
  });

  it("refuses a linked identity whose account was deactivated", async () => {
    await createUser({ name: "Admin", email: "admin@example.com", password: "long-enough-password" });
    provider.setClaims("bob-sub", { email: "bob@example.com", email_verified: true });
    expect((await signOn("bob-sub")).session?.user?.email).toBe("bob@example.com");
    await db().user.update({ where: { email: "bob@example.com" }, data: { active: false } });
    const outcome = await signOn("bob-sub");
    expect(outcome.landedOn.searchParams.get("reason")).toBe("deactivated");
    expect(outcome.session).toBeNull();
  });
});
