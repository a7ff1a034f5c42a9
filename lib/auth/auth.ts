import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { authConfig } from "@/lib/auth/config";
import { clientAddressOf } from "@/lib/http/client-address";
import { beginLoginAttempt, loginSucceeded } from "@/lib/auth/login-rate-limit";
import { oidcSettings, settings } from "@/lib/env";
import { logger } from "@/lib/logger";
import { externalIdentityOf, findActiveUserByIdentity, userForOidcSignIn, type OidcClaims } from "@/lib/users/oidc-user";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema } from "@/lib/validations/auth";

/**
 * Thrown when a sign-in attempt is refused by the limits (lib/auth/login-rate-limit.ts). Auth.js
 * reports it as `code=rate_limited`; the sign-in form, which receives this very error, shows the wait.
 */
export class TooManySignInAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** Provider id of the optional OpenID Connect sign-in (OIDC_* settings). */
export const OIDC_PROVIDER_ID = "oidc";

/** The generic OpenID Connect provider, when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. */
function oidcProviders(): Provider[] {
  const oidc = oidcSettings();
  if (!oidc) return [];
  return [{ id: OIDC_PROVIDER_ID, name: oidc.name, type: "oidc", issuer: oidc.issuer, clientId: oidc.clientId, clientSecret: oidc.clientSecret }];
}

// A lazy configuration: settings are read on the first request, not when `next build` loads the module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  callbacks: {
    ...authConfig.callbacks,
    // Credentials were checked in `authorize`. A single sign-on is matched to an account by its
    // (issuer, subject) link, or creates one; a refusal goes back to the sign-in page with its reason.
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      const result = await userForOidcSignIn((profile ?? {}) as OidcClaims, oidcSettings()!.issuer);
      return result.ok ? true : `/sign-in?error=SingleSignOnRefused&reason=${result.refusal}`;
    },
    // Sessions stay JWTs: after a single sign-on the token carries our account's id and role,
    // not the provider's subject.
    async jwt(params) {
      if (params.account?.provider === OIDC_PROVIDER_ID && params.user) {
        const user = await findActiveUserByIdentity(externalIdentityOf((params.profile ?? {}) as OidcClaims, oidcSettings()!.issuer));
        if (!user) return null;
        const token = await authConfig.callbacks.jwt({ ...params, user });
        return { ...token, name: user.name, email: user.email };
      }
      return authConfig.callbacks.jwt(params);
    },
  },
  secret: settings().AUTH_SECRET,
  trustHost: settings().AUTH_TRUST_HOST,
  logger: {
    // A wrong password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      // A refused single sign-on (deactivated account, no verified email) is logged where it is decided.
      if (error.name === "AccessDenied") return;
      logger.error("auth error", error);
    },
    warn(code) {
      logger.warn(`auth warning: ${code}`);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const address = clientAddressOf(request.headers);

        // Counted before the password is checked, so that parallel attempts cannot overtake the count.
        const verdict = await beginLoginAttempt(email, address);
        if (!verdict.allowed) throw new TooManySignInAttempts(verdict.retryAfterSeconds);
        const user = await verifyCredentials({ email, password });
        if (user) await loginSucceeded(email, address);
        return user;
      },
    }),
    ...oidcProviders(),
  ],
}));
