import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { getUserByEmail } from "@/db/queries/users";
import { getEnv } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";
import { baseAuthConfig } from "./config";
import { verifyPassword } from "./password";

/** Correct password, but the address was never confirmed. */
export class EmailNotVerifiedError extends CredentialsSignin {
  code = "email_not_verified";
}
/** Correct password, but a facilitator suspended the account. */
export class AccountSuspendedError extends CredentialsSignin {
  code = "suspended";
}

// The function form defers reading the environment and opening the database to the first
// request: `next build` imports this module and must never touch the data folder.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    ...baseAuthConfig,
    secret: env.AUTH_SECRET,
    logger: {
      // Failed sign-ins are expected traffic: one line, not a stack trace.
      error: (error) => {
        if (error.name === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await getUserByEmail(getDb(), { email: parsed.data.email });
          const isValid = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
          if (!user || !isValid) return null;
          // Only someone who knows the password learns about these states.
          if (!user.emailVerified) throw new EmailNotVerifiedError();
          if (user.status === "suspended") throw new AccountSuspendedError();
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
        },
      }),
    ],
  };
});
