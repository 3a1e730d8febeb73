import "server-only";
/**
 * Atom and JSON Feed documents of job offers. Pure functions: the route handlers load the
 * offers and pass absolute URLs; tests check the output.
 */

export type FeedEntry = {
  id: string;
  url: string;
  title: string;
  summary: string;
  contentHtml: string;
  published: Date;
  updated: Date;
  authorName: string;
  tags: string[];
};

export type FeedInput = {
  title: string;
  /** The listing this feed mirrors (with the same filters). */
  pageUrl: string;
  /** The feed's own address. */
  selfUrl: string;
  language: string;
  entries: FeedEntry[];
};

// XML 1.0 forbids most C0 controls and two non-characters, even escaped.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(value: string): string {
  return value
    .replace(XML_INVALID, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function latest(input: FeedInput): Date {
  return input.entries.reduce((max, entry) => (entry.updated > max ? entry.updated : max), new Date(0));
}

/** An Atom 1.0 document (RFC 4287): feed id, title, updated, self link; each entry id, title, updated. */
export function buildAtomFeed(input: FeedInput): string {
  const updated = input.entries.length ? latest(input) : new Date();
  const entries = input.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title type="text">${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.updated.toISOString()}</updated>
    <author><name>${escapeXml(entry.authorName)}</name></author>
${entry.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`).join("\n")}
    <summary type="text">${escapeXml(entry.summary)}</summary>
    <content type="html">${escapeXml(entry.contentHtml)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(input.language)}">
  <id>${escapeXml(input.selfUrl)}</id>
  <title type="text">${escapeXml(input.title)}</title>
  <updated>${updated.toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(input.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(input.pageUrl)}"/>
  <author><name>Pro'pulse</name></author>
${entries.join("\n")}
</feed>
`;
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export function buildJsonFeed(input: FeedInput) {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: input.title,
    home_page_url: input.pageUrl,
    feed_url: input.selfUrl,
    language: input.language,
    items: input.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      authors: [{ name: entry.authorName }],
      tags: entry.tags,
    })),
  };
}
