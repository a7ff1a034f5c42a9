import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

/**
 * A real OpenID provider (the `oidc-provider` package) on a loopback port, for single sign-on tests.
 * Its one client is the app; each test says which claims an account's ID token carries, and signs
 * in through the provider's development login form (any password) with `accountId` as the login.
 */
export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the app (its redirect URI) as the provider's client; the app needs the issuer first, so this comes after it started. */
  registerApp(appUrl: string): void;
  /** Claims of the ID token for this account (its `sub` is the account id unless given). */
  setClaims(accountId: string, claims: Record<string, unknown>): void;
  stop(): Promise<void>;
}

export const TEST_OIDC_CLIENT = { clientId: "preflight-test", clientSecret: "preflight-test-client-secret-0123456789" };

/** Listens at once (so the issuer's port is ours); answers OpenID requests once `registerApp` was called. */
export async function startOidcTestProvider(): Promise<OidcTestProvider> {
  const claimsByAccount = new Map<string, Record<string, unknown>>();
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server = createServer((request, response) => {
    if (handle) return handle(request, response);
    response.writeHead(503).end("the test provider has no client yet");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    ...TEST_OIDC_CLIENT,
    registerApp(appUrl) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_OIDC_CLIENT.clientId,
            client_secret: TEST_OIDC_CLIENT.clientSecret,
            // Next reports a loopback request's host as "localhost", so Auth.js may send either form.
            redirect_uris: [...new Set([appUrl, appUrl.replace("//127.0.0.1:", "//localhost:")])].map((origin) => `${origin}/api/auth/callback/oidc`),
            grant_types: ["authorization_code"],
            response_types: ["code"],
          },
        ],
        findAccount: (_context, accountId) => ({
          accountId,
          claims: () => ({ sub: accountId, ...claimsByAccount.get(accountId) }),
        }),
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
        // Put the scopes' claims into the ID token, which is what Auth.js reads.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ["oidc-test-provider-cookie-key"] },
      });
      handle = provider.callback();
    },
    setClaims: (accountId, claims) => void claimsByAccount.set(accountId, claims),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
