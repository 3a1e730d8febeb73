import "server-only";
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { applyBranding } from "@/lib/branding/messages";
import { getBranding } from "@/lib/branding/service";
import { getEnv } from "@/lib/env";
import { loadProgrammeMessages } from "@/lib/programme/texts";
import { deliverMail, type Mail } from "./transport";

export type MailRecipient = { name: string; email: string; locale?: string | null };

// Message keys are not typed in this project (no AppConfig augmentation): a plain signature.
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The language of a recipient's e-mails: their saved choice, else French, the community's language. */
export function recipientLocale(recipient: MailRecipient): Locale {
  return isLocale(recipient.locale) ? recipient.locale : defaultLocale;
}

type Composed = Omit<Mail, "to">;

/**
 * MAIL_FROM's address under the community's sender name (or its name), quoted so a comma or
 * a quote in the name cannot split the header into several addresses.
 */
export function senderAddress(branding: { name: string; emailSenderName: string }): string {
  const from = getEnv().MAIL_FROM;
  const address = from.match(/<([^<>]+)>\s*$/)?.[1] ?? from.trim();
  const name = (branding.emailSenderName || branding.name).replace(/["\\\r\n]/g, "");
  return `"${name}" <${address}>`;
}

/**
 * Composes a mail in the recipient's locale, with `t` scoped to the `namespace` of the
 * messages. Throws when composing fails; `sendMail` wraps it with the failure policy.
 */
export async function composeMail(
  recipient: MailRecipient,
  namespace: string,
  compose: (t: Translate, locale: Locale) => Composed | Promise<Composed>,
): Promise<Mail> {
  const locale = recipientLocale(recipient);
  const branding = await getBranding();
  const t = createTranslator({
    locale,
    messages: applyBranding(await loadProgrammeMessages(locale), branding) as AbstractIntlMessages,
    namespace,
    timeZone: "Europe/Paris",
  }) as unknown as Translate;
  return { to: recipient.email, from: senderAddress(branding), ...(await compose(t, locale)) };
}

/**
 * The one way the app sends e-mail after an action. `compose` writes it in the recipient's
 * locale with `t` scoped to the `namespace` of the messages. A mail follows an action that is
 * already done (an account created, a decision committed): any failure, from composing to
 * delivery, is logged and never thrown, so it can neither undo nor break that action. Returns
 * whether it was sent. (Notification e-mails go through the job queue instead, which retries.)
 */
export async function sendMail(
  recipient: MailRecipient,
  mail: {
    /** Names the mail in the log, never its content. */
    kind: string;
    namespace: string;
    compose: (t: Translate) => Composed | Promise<Composed>;
  },
): Promise<boolean> {
  try {
    await deliverMail(await composeMail(recipient, mail.namespace, mail.compose));
    return true;
  } catch (error) {
    console.error(`[mail] could not send ${mail.kind} to a member:`, error);
    return false;
  }
}
