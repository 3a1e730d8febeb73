import "server-only";
import { getLocale } from "next-intl/server";
import type { Db } from "@/db";
import { createUserToken } from "@/db/queries/users";
import { absoluteUrl } from "@/lib/urls";
import { sendMail, type MailRecipient } from "./index";

type Account = MailRecipient & { id: string };

/**
 * Confirmation and reset mails answer their recipient's own request: until the account has a
 * saved language (new accounts do not), the one that person is using now is theirs.
 */
async function asRequester(user: Account): Promise<Account> {
  return { ...user, locale: user.locale ?? (await getLocale().catch(() => null)) };
}

export async function sendVerificationEmail(db: Db, user: Account) {
  await sendMail(await asRequester(user), {
    kind: "verifyEmail",
    namespace: "emails",
    compose: async (t) => {
      const token = await createUserToken(db, { userId: user.id, kind: "verify_email", ttlMinutes: 60 * 24 });
      return {
        subject: t("verifySubject"),
        text: t("verifyBody", { name: user.name, url: absoluteUrl(`/verify-email?token=${token}`) }),
      };
    },
  });
}

export async function sendPasswordResetEmail(db: Db, user: Account) {
  await sendMail(await asRequester(user), {
    kind: "resetPassword",
    namespace: "emails",
    compose: async (t) => {
      const token = await createUserToken(db, { userId: user.id, kind: "reset_password", ttlMinutes: 60 });
      return {
        subject: t("resetSubject"),
        text: t("resetBody", { name: user.name, url: absoluteUrl(`/reset-password?token=${token}`) }),
      };
    },
  });
}

/**
 * Sign-up with an address that already has an account: tell its owner, not the visitor, in the
 * owner's language (the visitor may be anyone). Like the others, a failure is only logged: the
 * sign-up form must answer the same whether or not the address is taken.
 */
export async function sendAccountExistsEmail(db: Db, user: Account) {
  await sendMail(user, {
    kind: "accountExists",
    namespace: "emails",
    compose: async (t) => {
      const token = await createUserToken(db, { userId: user.id, kind: "reset_password", ttlMinutes: 60 });
      return {
        subject: t("existsSubject"),
        text: t("existsBody", {
          name: user.name,
          signInUrl: absoluteUrl("/sign-in"),
          resetUrl: absoluteUrl(`/reset-password?token=${token}`),
        }),
      };
    },
  });
}
