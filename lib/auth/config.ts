import "server-only";
import type { NextAuthConfig } from "next-auth";

/**
 * The part of the Auth.js configuration without database or argon2: cookie, JWT and
 * session shaping. Suitable for anything that must stay light.
 */
export const baseAuthConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      // On sign-in, remember the session version the account had; `getCurrentUser` compares it.
      if (user) {
        token.sub = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        token.sid = (user as { sessionId?: string }).sessionId;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      session.sessionId = typeof token.sid === "string" ? token.sid : null;
      return session;
    },
  },
} satisfies NextAuthConfig;
