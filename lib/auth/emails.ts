import { getTranslations } from "next-intl/server";
import type { Db } from "@/db";
import { createUserToken } from "@/db/queries/users";
import { sendMail } from "@/lib/mail";
import { absoluteUrl } from "@/lib/urls";

type Recipient = { id: string; name: string; email: string };

export async function sendVerificationEmail(db: Db, user: Recipient) {
  const t = await getTranslations("emails");
  const token = await createUserToken(db, { userId: user.id, kind: "verify_email", ttlMinutes: 60 * 24 });
  await sendMail({
    to: user.email,
    subject: t("verifySubject"),
    text: t("verifyBody", { name: user.name, url: absoluteUrl(`/verify-email?token=${token}`) }),
  });
}

export async function sendPasswordResetEmail(db: Db, user: Recipient) {
  const t = await getTranslations("emails");
  const token = await createUserToken(db, { userId: user.id, kind: "reset_password", ttlMinutes: 60 });
  await sendMail({
    to: user.email,
    subject: t("resetSubject"),
    text: t("resetBody", { name: user.name, url: absoluteUrl(`/reset-password?token=${token}`) }),
  });
}

/** Sign-up with an address that already has an account: tell its owner, not the visitor. */
export async function sendAccountExistsEmail(db: Db, user: Recipient) {
  const t = await getTranslations("emails");
  const token = await createUserToken(db, { userId: user.id, kind: "reset_password", ttlMinutes: 60 });
  await sendMail({
    to: user.email,
    subject: t("existsSubject"),
    text: t("existsBody", {
      name: user.name,
      signInUrl: absoluteUrl("/sign-in"),
      resetUrl: absoluteUrl(`/reset-password?token=${token}`),
    }),
  });
}
