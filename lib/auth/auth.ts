import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "@/lib/auth/config";
import { clientAddressOf } from "@/lib/http/client-address";
import { clearFailedLogins, recordFailedLogin, secondsUntilLoginAllowed } from "@/lib/auth/login-rate-limit";
import { settings } from "@/lib/env";
import { logger } from "@/lib/logger";
import { verifyCredentials } from "@/lib/users/verify-credentials";
import { signInSchema } from "@/lib/validations/auth";

/** Thrown when an address has used up its sign-in attempts; the form shows when to retry. */
export class TooManySignInAttempts extends CredentialsSignin {
  code = "rate_limited";
}

// A lazy configuration: settings are read on the first request, not when `next build` loads the module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  ...authConfig,
  secret: settings().AUTH_SECRET,
  trustHost: settings().AUTH_TRUST_HOST,
  logger: {
    // A wrong password is an answer, not a server error: keep it out of the error log.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
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
  ],
}));
