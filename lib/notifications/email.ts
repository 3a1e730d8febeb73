import "server-only";
import { createTranslator } from "next-intl";
import type { NotificationRow } from "@/db/queries/notifications";
import type { UserRole, UserStatus } from "@/db/schema";
import type { Messages } from "@/lib/i18n/app-config";
import { loadProgrammeMessages } from "@/lib/programme/texts";
import { translateKey } from "@/lib/i18n/translate-key";
import { applyBranding } from "@/lib/branding/messages";
import { getBranding } from "@/lib/branding/service";
import { recipientLocale, senderAddress } from "@/lib/mail";
import { renderMailLayout, type MailBlock, type MailContent, type MailItem } from "@/lib/mail/layout";
import type { Mail } from "@/lib/mail/transport";
import { threadPath } from "@/lib/slug";
import { absoluteUrl } from "@/lib/urls";
import {
  describeNotification,
  notificationPath,
  notificationTranslate,
  toNotificationViews,
  type NotificationView,
} from "./describe";
import { unsubscribeHeaders, unsubscribePageUrl, type UnsubscribeScope } from "./unsubscribe";

/** Who a notification or digest mail is for (their saved language, else French). */
export type MailAccount = { id: string; name: string; email: string; locale: string | null };

/** The e-mail and notification translators in the account's language (also used for push). */
export async function translatorsFor(account: MailAccount) {
  const locale = recipientLocale(account);
  const branding = await getBranding();
  const messages = applyBranding(await loadProgrammeMessages(locale), branding) as Messages;
  return {
    locale,
    branding,
    t: createTranslator({ locale, messages, namespace: "email" }),
    tn: notificationTranslate(createTranslator({ locale, messages, namespace: "notifications" })),
  };
}

type EmailTranslate = Awaited<ReturnType<typeof translatorsFor>>["t"];

function footerFor(t: EmailTranslate, account: MailAccount, scope: UnsubscribeScope, reason: string) {
  return {
    reason,
    unsubscribeLabel: scope === "digest" ? t("digest.unsubscribe") : t("notification.unsubscribe"),
    unsubscribeUrl: unsubscribePageUrl(account.id, scope),
    settingsLabel: t("settings"),
    settingsUrl: absoluteUrl("/settings/notifications"),
    signature: t("signature"),
  };
}

/** Headers of every notification mail: one-click unsubscribe (RFC 8058), and no auto-replies (RFC 3834). */
function headersFor(account: MailAccount, scope: UnsubscribeScope): Record<string, string> {
  return { ...unsubscribeHeaders(account.id, scope), "Auto-Submitted": "auto-generated" };
}

function toMail(
  account: MailAccount,
  content: MailContent,
  scope: UnsubscribeScope,
  branding: { name: string; emailSenderName: string; primaryColor: string },
): Mail {
  const { html, text } = renderMailLayout(content, branding);
  return {
    to: account.email,
    from: senderAddress(branding),
    subject: content.subject,
    text,
    html,
    headers: headersFor(account, scope),
  };
}

/**
 * The e-mail of one notification, sent at once: its sentence as the subject and title, an
 * excerpt of the post, a link to it. The caller has checked that the recipient may read it.
 */
export async function composeNotificationMail(account: MailAccount, row: NotificationRow): Promise<Mail> {
  const { locale, t, tn, branding } = await translatorsFor(account);
  const kind = row.notification.kind;
  const sentence = describeNotification(tn, row);
  const excerpt = row.post?.bodyText?.trim();
  const blocks: MailBlock[] = [
    ...(excerpt ? [{ type: "paragraph" as const, text: t("quote", { text: excerpt }) }] : []),
    {
      type: "action",
      label: translateKey(t, `notification.actions.${kind}`),
      url: absoluteUrl(notificationPath(row)),
    },
  ];
  const content: MailContent = {
    locale,
    subject: sentence,
    preheader: excerpt?.slice(0, 120),
    greeting: t("greeting", { name: account.name }),
    blocks,
    footer: footerFor(t, account, kind, t("notification.reason")),
  };
  return toMail(account, content, kind, branding);
}

/** An open review request in a digest. */
export type DigestReviewRequest = {
  thread: { id: number; title: string; slug: string };
  channel: { slug: string; name: string };
  authorName: string;
  target: string;
};

const viewItem = (view: NotificationView): MailItem => ({
  title: view.text,
  url: absoluteUrl(view.path),
  excerpt: view.excerpt ?? undefined,
});

export type Digest = {
  /** Null when there is nothing to say: no mail then. */
  mail: Mail | null;
  /** The notifications the mail lists (to mark e-mailed once it is sent). */
  notificationIds: number[];
  itemCount: number;
};

/**
 * The weekly or daily digest: what the member missed (unread notifications, grouped by thread
 * as in the bell, with what they may no longer read left out), new offers for their saved
 * searches, and review requests waiting for a first review.
 */
export async function buildDigest(
  account: MailAccount & { role: UserRole; status: UserStatus },
  input: { frequency: "weekly" | "daily"; rows: NotificationRow[]; reviewRequests: DigestReviewRequest[] },
): Promise<Digest> {
  const { locale, t, tn, branding } = await translatorsFor(account);
  const views = toNotificationViews(tn, { id: account.id, role: account.role, status: account.status }, input.rows);
  const offers = views.filter((view) => view.type === "offer_match");
  const missed = views.filter((view) => view.type !== "offer_match");
  const itemCount = views.length + input.reviewRequests.length;
  const notificationIds = views.flatMap((view) => view.ids);
  if (itemCount === 0) return { mail: null, notificationIds, itemCount };

  const isWeekly = input.frequency === "weekly";
  const sections: MailBlock[] = [
    { heading: t("digest.missed"), items: missed.map(viewItem) },
    { heading: t("digest.offers"), items: offers.map(viewItem) },
    {
      heading: t("digest.reviews"),
      items: input.reviewRequests.map((request) => ({
        title: request.thread.title,
        url: absoluteUrl(threadPath(request.channel.slug, request.thread)),
        meta: t("digest.reviewMeta", {
          author: request.authorName,
          channel: request.channel.name,
          target: request.target,
        }),
      })),
    },
  ]
    .filter((section) => section.items.length > 0)
    .map((section) => ({ type: "section" as const, ...section }));
  const intro = isWeekly ? t("digest.introWeekly") : t("digest.introDaily");
  const content: MailContent = {
    locale,
    subject: isWeekly
      ? t("digest.subjectWeekly", { count: itemCount })
      : t("digest.subjectDaily", { count: itemCount }),
    preheader: intro,
    greeting: t("greeting", { name: account.name }),
    blocks: [
      { type: "paragraph", text: intro },
      ...sections,
      { type: "action", label: t("digest.open"), url: absoluteUrl("/notifications") },
    ],
    footer: footerFor(t, account, "digest", isWeekly ? t("digest.reasonWeekly") : t("digest.reasonDaily")),
  };
  return { mail: toMail(account, content, "digest", branding), notificationIds, itemCount };
}
