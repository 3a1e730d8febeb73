import type { Locale } from "@/lib/i18n/config";

/** One entry of a mail's list: a link with an optional line of context and an excerpt. */
export type MailItem = { title: string; url: string; meta?: string; excerpt?: string };

/** The content of a notification or digest mail, written once and rendered as HTML and as text. */
export type MailBlock =
  | { type: "paragraph"; text: string }
  | { type: "section"; heading: string; items: MailItem[] }
  | { type: "action"; label: string; url: string };

export type MailContent = {
  locale: Locale;
  subject: string;
  /** First line, shown by mail clients next to the subject. */
  preheader?: string;
  greeting: string;
  blocks: MailBlock[];
  /** Why the member gets this mail, and how to stop it: always visible, never an image. */
  footer: {
    reason: string;
    unsubscribeLabel: string;
    unsubscribeUrl: string;
    settingsLabel: string;
    settingsUrl: string;
    signature: string;
  };
};

// Colours checked against WCAG AA on white: text 14.7:1, muted text 7.6:1, links and button 6.2:1.
const COLORS = { text: "#1f2937", muted: "#4b5563", accent: "#a8401a", border: "#e5e7eb", page: "#f6f3ef" };
const FONT = "font-family:Arial,Helvetica,sans-serif;";

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Only web links go into a mail (ours are absolute http(s) URLs); anything else is dropped. */
function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : "#";
}

const link = (url: string, label: string) =>
  `<a href="${safeHref(url)}" style="color:${COLORS.accent};text-decoration:underline;">${escapeHtml(label)}</a>`;

function renderItemHtml(item: MailItem): string {
  const meta = item.meta
    ? `<br><span style="color:${COLORS.muted};font-size:14px;">${escapeHtml(item.meta)}</span>`
    : "";
  const excerpt = item.excerpt
    ? `<br><span style="color:${COLORS.text};font-size:15px;">${escapeHtml(item.excerpt)}</span>`
    : "";
  return `<li style="margin:0 0 14px;">${link(item.url, item.title)}${meta}${excerpt}</li>`;
}

function renderBlockHtml(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="margin:0 0 16px;">${escapeHtml(block.text)}</p>`;
    case "section":
      return (
        `<h2 style="margin:24px 0 12px;font-size:18px;color:${COLORS.text};">${escapeHtml(block.heading)}</h2>` +
        `<ul style="margin:0 0 16px;padding-left:20px;">${block.items.map(renderItemHtml).join("")}</ul>`
      );
    case "action":
      return (
        `<p style="margin:24px 0;"><a href="${safeHref(block.url)}" ` +
        `style="display:inline-block;background:${COLORS.accent};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold;">` +
        `${escapeHtml(block.label)}</a></p>`
      );
  }
}

/** French puts a space before a colon. */
const colon = (locale: Locale) => (locale === "fr" ? " : " : ": ");

function renderBlockText(block: MailBlock, locale: Locale): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "section":
      return [
        `${block.heading}\n${"-".repeat(Math.min(block.heading.length, 60))}`,
        ...block.items.map((item) =>
          [`* ${item.title}`, item.meta && `  ${item.meta}`, item.excerpt && `  ${item.excerpt}`, `  ${item.url}`]
            .filter(Boolean)
            .join("\n"),
        ),
      ].join("\n\n");
    case "action":
      return `${block.label}${colon(locale)}${block.url}`;
  }
}

/**
 * Renders a mail's content as accessible HTML (the recipient's language on `<html lang>`,
 * real text and headings, underlined links, AA contrast, no images) and as the plain-text part
 * from the same content, so both say the same thing.
 */
export function renderMailLayout(
  content: MailContent,
  brand: { name: string; primaryColor: string } = { name: "Pro'pulse", primaryColor: COLORS.accent },
): { html: string; text: string } {
  const { footer } = content;
  const preheader = content.preheader
    ? `<div style="display:none;max-height:0;overflow:hidden;">${escapeHtml(content.preheader)}</div>`
    : "";
  const html = `<!doctype html>
<html lang="${content.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(content.subject)}</title>
</head>
<body style="margin:0;padding:0;background:${COLORS.page};">
${preheader}
<div role="article" aria-label="${escapeHtml(content.subject)}" lang="${content.locale}" style="${FONT}max-width:600px;margin:0 auto;padding:24px 16px;">
<div style="background:#ffffff;border:1px solid ${COLORS.border};border-radius:8px;padding:24px;color:${COLORS.text};font-size:16px;line-height:1.5;">
<p style="margin:0 0 16px;font-size:14px;font-weight:bold;color:${escapeHtml(brand.primaryColor)};">${escapeHtml(brand.name)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:${COLORS.text};">${escapeHtml(content.subject)}</h1>
<p style="margin:0 0 16px;">${escapeHtml(content.greeting)}</p>
${content.blocks.map(renderBlockHtml).join("\n")}
<p style="margin:24px 0 0;">${escapeHtml(footer.signature)}</p>
</div>
<div style="padding:16px 8px;color:${COLORS.muted};font-size:14px;line-height:1.5;">
<p style="margin:0 0 8px;">${escapeHtml(footer.reason)}</p>
<p style="margin:0;">${link(footer.unsubscribeUrl, footer.unsubscribeLabel)} · ${link(footer.settingsUrl, footer.settingsLabel)}</p>
</div>
</div>
</body>
</html>
`;
  const text = [
    content.greeting,
    ...content.blocks.map((block) => renderBlockText(block, content.locale)),
    footer.signature,
    "--",
    footer.reason,
    `${footer.unsubscribeLabel}${colon(content.locale)}${footer.unsubscribeUrl}`,
    `${footer.settingsLabel}${colon(content.locale)}${footer.settingsUrl}`,
  ].join("\n\n");
  return { html, text: `${text}\n` };
}
