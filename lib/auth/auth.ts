import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { authConfig } from "@/lib/auth/config";
import { clientAddressOf } from "@/lib/http/client-address";
import { clearFailedLogins, recordFailedLogin, secondsUntilLoginAllowed } from "@/lib/auth/login-rate-limit";
import { oidcSettings, settings } from "@/lib/env";
import { logger } from "@/lib/logger";
import { sessionVersionOf } from "@/lib/users/end-sessions";
import { findActiveUserByEmail, userForOidcSignIn } from "@/lib/users/oidc-user";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema } from "@/lib/validations/auth";

/** Thrown when an address has used up its sign-in attempts; the form shows when to retry. */
export class TooManySignInAttempts extends CredentialsSignin {
  code = "rate_limited";
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
    // Credentials were checked in `authorize`; a single sign-on is matched to an account by
    // email here (created if new) and refused for a deactivated one.
    async signIn({ account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      return Boolean(await userForOidcSignIn(profile ?? {}));
    },
    // Sessions stay JWTs: after a single sign-on the token carries our account's id and role,
    // not the provider's subject.
    async jwt(params) {
      if (params.account?.provider === OIDC_PROVIDER_ID && params.user) {
        const user = await findActiveUserByEmail(params.user.email);
        if (!user) return null;
        return { ...params.token, sub: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: await sessionVersionOf(user.id) };
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

        if ((await secondsUntilLoginAllowed(email, address)) > 0) throw new TooManySignInAttempts();
        const user = await verifyCredentials({ email, password });
        if (!user) {
          await recordFailedLogin(email, address);
          return null;
        }
        await clearFailedLogins(email, address);
        return user;
      },
    }),
    ...oidcProviders(),
  ],
}));
