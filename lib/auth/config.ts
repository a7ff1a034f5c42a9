import type { NextAuthConfig } from "next-auth";
import { sessionVersionOf } from "@/lib/users/end-sessions";

/**
 * The Auth.js configuration shared by lib/auth/auth.ts (which adds the providers).
 * Sessions are JWTs signed with AUTH_SECRET, so they survive a server restart.
 */
export const authConfig = {
  // Errors of a sign-in (e.g. single sign-on refused) come back to the sign-in page as ?error=….
  pages: { signIn: "/sign-in", error: "/sign-in" },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  providers: [],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: "ADMIN" | "MEMBER" }).role ?? "MEMBER";
        // A JWT cannot be recalled; it carries the account's session version instead, and
        // every request compares it with the current one (lib/users/find-active-user.ts).
        token.sessionVersion = await sessionVersionOf(user.id!);
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.user.role = (token.role as "ADMIN" | "MEMBER" | undefined) ?? "MEMBER";
      session.user.sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
      return session;
    },
  },
} satisfies NextAuthConfig;
