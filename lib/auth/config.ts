import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration that needs no database: shared by the proxy
 * (which only redirects) and by lib/auth/auth.ts (which adds the credentials provider).
 * Sessions are JWTs signed with AUTH_SECRET, so they survive a server restart.
 */
export const authConfig = {
  // Errors of a sign-in (e.g. single sign-on refused) come back to the sign-in page as ?error=….
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: "ADMIN" | "MEMBER" }).role ?? "MEMBER";
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = (token.role as "ADMIN" | "MEMBER" | undefined) ?? "MEMBER";
      return session;
    },
  },
} satisfies NextAuthConfig;
