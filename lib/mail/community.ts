import "server-only";
import { absoluteUrl } from "@/lib/urls";
import { sendMail, type MailRecipient } from "./index";

export type CommunityEmail = "admissionApproved" | "admissionRefused" | "proApproved" | "proRefused" | "suspended";

/** Tells a member about a facilitator's decision; called after the decision is committed. */
export async function sendCommunityEmail(
  recipient: MailRecipient,
  kind: CommunityEmail,
  values: { message?: string | null; until?: string | null } = {},
) {
  await sendMail(recipient, {
    kind,
    namespace: "communityEmails",
    compose: (t) => ({
      subject: t(`${kind}Subject`),
      text: t(`${kind}Body`, {
        name: recipient.name,
        message: values.message?.trim() ? values.message.trim() : t("noMessage"),
        url: absoluteUrl("/"),
        until: values.until ?? "—",
      }),
    }),
  });
}
