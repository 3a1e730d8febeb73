import { createTranslator, type AbstractIntlMessages } from "next-intl";
import { defaultLocale, isLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { sendMail } from "@/lib/mail";
import { absoluteUrl } from "@/lib/urls";

export type CommunityEmail = "admissionApproved" | "admissionRefused" | "proApproved" | "proRefused" | "suspended";

type Translate = (key: string, values?: Record<string, string | number>) => string;

type Recipient = { name: string; email: string; locale: string | null };

/**
 * Tells a member about a facilitator's decision, in the member's own language. Called after
 * the decision is committed; a mail failure is logged and does not undo the decision.
 */
export async function sendCommunityEmail(
  recipient: Recipient,
  kind: CommunityEmail,
  values: { message?: string | null; until?: string | null } = {},
) {
  try {
    const locale = isLocale(recipient.locale) ? recipient.locale : defaultLocale;
    // Message keys are not typed in this project (no AppConfig augmentation): a plain signature.
    const translate = createTranslator({
      locale,
      messages: (await loadMessages(locale)) as AbstractIntlMessages,
      timeZone: "Europe/Paris",
    }) as unknown as Translate;
    const t: Translate = (key, params) => translate(`communityEmails.${key}`, params);
    const message = values.message?.trim() ? values.message.trim() : t("noMessage");
    await sendMail({
      to: recipient.email,
      subject: t(`${kind}Subject`),
      text: t(`${kind}Body`, { name: recipient.name, message, url: absoluteUrl("/"), until: values.until ?? "—" }),
    });
  } catch (error) {
    console.error(`[mail] could not send ${kind} to a member:`, error);
  }
}
