import "server-only";
import { touchLastSeen } from "@/db/queries/retention";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { unsuspendUser } from "@/db/queries/staff-users";
import { createUserSession } from "@/db/queries/sessions";
import { getUserByEmail } from "@/db/queries/users";
import { clearSignInFailures, clientIp, getSignInBlock, getSignInDelay, recordSignInFailure } from "@/lib/rate-limit";
import { getEnv } from "@/lib/env";
import { signInSchema } from "@/lib/validation/auth";
import { baseAuthConfig } from "./config";
import { endSession } from "./sessions";
import { checkSecondFactor } from "./two-factor";
import { verifyPassword } from "./password";

/** Correct password, but the address was never confirmed. */
export class EmailNotVerifiedError extends CredentialsSignin {
  code = "email_not_verified";
}
/** Too many failed attempts for this account or from this address. */
export class SignInRateLimitedError extends CredentialsSignin {
  code = "rate_limited";
}
/** Correct password; the account uses two-factor sign-in and no code was given yet. */
export class SecondFactorRequiredError extends CredentialsSignin {
  code = "second_factor_required";
}
/** Correct password, wrong (or already used) code. */
export class WrongSecondFactorError extends CredentialsSignin {
  code = "wrong_second_factor";
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
        // `type`, not `name`: the production build minifies class names (our subclasses included).
        if ((error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
    events: {
      // The cookie is deleted by Auth.js; revoking its row kills any copy of it, sockets included.
      signOut: async (message) => {
        const sessionId = "token" in message ? message.token?.sid : undefined;
        if (sessionId) await endSession(getDb(), sessionId);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {}, code: {} },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const db = getDb();
          const { email, password, code } = parsed.data;
          // Throttled before the password is even checked: an account is locked for a while, an
          // address is slowed down (see getSignInDelay).
          const ip = clientIp(request.headers);
          if (await getSignInBlock(db, { email })) throw new SignInRateLimitedError();
          const delay = await getSignInDelay(db, { ip });
          if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          const user = await getUserByEmail(db, { email });
          const isValid = await verifyPassword(user?.passwordHash ?? null, password);
          if (!user || !isValid) {
            await recordSignInFailure(db, { email, ip });
            return null;
          }
          await clearSignInFailures(db, { email });
          // Only someone who knows the password learns about these states.
          if (!user.emailVerified) throw new EmailNotVerifiedError();
          if (user.status === "suspended") {
            // A suspension with an end date lifts itself at the first sign-in after it.
            const hasEnded = user.suspendedUntil !== null && user.suspendedUntil.getTime() <= Date.now();
            if (!hasEnded || !(await unsuspendUser(db, { userId: user.id, actorId: null, reason: null })))
              throw new AccountSuspendedError();
          }
          if (user.totpEnabledAt) {
            if (!code) throw new SecondFactorRequiredError();
            if (!(await checkSecondFactor(db, user, code))) {
              await recordSignInFailure(db, { email, ip });
              throw new WrongSecondFactorError();
            }
          }
          // Retention counts inactivity from the last sign-in (README "Retention").
          await touchLastSeen(db, { userId: user.id });
          const sessionId = await createUserSession(db, {
            userId: user.id,
            userAgent: request.headers.get("user-agent"),
          });
          return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion, sessionId };
        },
      }),
    ],
  };
});
