import { describe, expect, it } from "vitest";
import { buildAtomFeed, buildJsonFeed, escapeXml, type FeedInput } from "./feeds";
import { jobPostingJsonLd, serializeJsonLd } from "./json-ld";
import type { OfferDetail } from "./types";

/**
 * A small XML well-formedness check (no parser in the dependencies): every element closes in
 * order, attributes are quoted, `&` only starts a known entity and no raw `<` sits in text.
 */
function checkXml(xml: string): { root: string; elements: string[] } {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf("?>") + 2);
  const stack: string[] = [];
  const elements: string[] = [];
  let root = "";
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, attributes, selfClosing, text] = match;
    for (const entity of (text ?? attributes ?? "").match(/&[^;\s]*;?/g) ?? []) {
      expect(entity, `bad entity ${entity}`).toMatch(/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);$/i);
    }
    if (text !== undefined) {
      if (stack.length === 0) expect(text.trim(), "text outside the root").toBe("");
      continue;
    }
    if (closing) {
      expect(stack.pop(), `</${name}> closes the wrong element`).toBe(name);
      continue;
    }
    if (!root) root = name!;
    else expect(stack.length, `second root <${name}>`).toBeGreaterThan(0);
    elements.push(name!);
    if (!selfClosing) stack.push(name!);
  }
  expect(consumed, `unparseable XML at: ${body.slice(consumed, consumed + 40)}`).toBe(body.length);
  expect(stack).toEqual([]);
  return { root, elements };
}

const hostile = `Médiatrice </title><script>alert("x")</script> & co ' \u0001`;

function feed(entries = 2): FeedInput {
  return {
    title: "Offres d'emploi de l'ESS · Pro'pulse",
    pageUrl: "https://communaute.example/c/offres?contract=cdi",
    selfUrl: "https://communaute.example/feeds/offres.xml?contract=cdi&department=69",
    language: "fr",
    entries: Array.from({ length: entries }, (_, i) => ({
      id: `https://communaute.example/c/offres/${i + 1}-mediatrice`,
      url: `https://communaute.example/c/offres/${i + 1}-mediatrice`,
      title: i === 0 ? hostile : `Offre ${i}`,
      summary: "Coop & Co · CDI · Lyon (69) · Hybride",
      contentHtml: '<p>Un poste <strong>utile</strong> &amp; <a href="https://x.example/?a=1&amp;b=2">lien</a></p>',
      published: new Date(Date.UTC(2026, 0, 10 + i)),
      updated: new Date(Date.UTC(2026, 0, 12 + i)),
      authorName: "Julien Roux",
      tags: ["CDI", "Coopérative"],
    })),
  };
}

describe("Atom feed", () => {
  it("is well-formed XML with the elements RFC 4287 requires", () => {
    const xml = buildAtomFeed(feed());
    const { root, elements } = checkXml(xml);
    expect(root).toBe("feed");
    for (const required of ["id", "title", "updated", "link", "author", "entry"]) expect(elements).toContain(required);
    expect(elements.filter((name) => name === "entry")).toHaveLength(2);
    expect(xml).toContain("<updated>2026-01-13T00:00:00.000Z</updated>");
    expect(xml).toContain('href="https://communaute.example/feeds/offres.xml?contract=cdi&amp;department=69"');
  });

  it("escapes hostile titles and embedded HTML, and drops characters XML forbids", () => {
    const xml = buildAtomFeed(feed());
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;/title&gt;&lt;script&gt;");
    expect(xml).not.toContain("\u0001");
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });

  it("is still valid with no entries", () => {
    const { elements } = checkXml(buildAtomFeed(feed(0)));
    expect(elements).toContain("updated");
    expect(elements).not.toContain("entry");
  });

  it("the checker itself catches broken XML", () => {
    expect(() => checkXml('<?xml version="1.0" encoding="utf-8"?>\n<feed><title>a</feed></title>')).toThrow();
    expect(() => checkXml('<?xml version="1.0" encoding="utf-8"?>\n<feed><title>a & b</title></feed>')).toThrow();
    expect(() => checkXml('<?xml version="1.0" encoding="utf-8"?>\n<feed><title>a < b</title></feed>')).toThrow();
  });
});

describe("JSON Feed", () => {
  it("has the fields JSON Feed 1.1 requires, and survives a JSON round trip", () => {
    const document = JSON.parse(JSON.stringify(buildJsonFeed(feed())));
    expect(document.version).toBe("https://jsonfeed.org/version/1.1");
    expect(typeof document.title).toBe("string");
    expect(document.feed_url).toMatch(/^https:\/\//);
    expect(document.home_page_url).toMatch(/^https:\/\//);
    expect(document.items).toHaveLength(2);
    for (const item of document.items) {
      expect(typeof item.id).toBe("string");
      expect(item.id.length).toBeGreaterThan(0);
      // Each item needs content_html or content_text.
      expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(true);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      expect(item.date_published).toMatch(/Z$/);
    }
    expect(document.items[0].title).toBe(hostile);
  });
});

describe("JobPosting JSON-LD", () => {
  const offer = {
    threadId: 42,
    slug: "mediatrice",
    title: "Médiatrice </script><script>alert(1)</script>",
    excerpt: "",
    replyCount: 0,
    origin: "employer",
    organisation: "Régie de quartier <Nord>",
    essFamily: "insertion",
    contract: "cdd",
    city: "Lille",
    department: "59",
    workMode: "remote",
    salaryMin: 1900,
    salaryMax: null,
    salaryPeriod: "month",
    startDate: "2026-09-01",
    deadline: "2026-07-31",
    howToApply: "rh@regie.example",
    sourceUrl: null,
    publishedAt: new Date("2026-06-01T08:00:00Z"),
    expiresAt: new Date("2026-07-31T22:00:00Z"),
    filledAt: null,
    updatedAt: new Date("2026-06-01T08:00:00Z"),
    author: { id: "u", name: "Julien", role: "pro", organisation: null },
    authorId: "u",
    isDeleted: false,
    opening: { id: 1, body: {}, bodyHtml: "<p>Accompagner &amp; orienter</p>", bodyText: "", version: 1 },
  } satisfies OfferDetail;

  it("describes the offer with schema.org fields", () => {
    const data = jobPostingJsonLd(offer, "https://communaute.example/c/offres/42-mediatrice");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      datePosted: "2026-06-01T08:00:00.000Z",
      validThrough: "2026-07-31T22:00:00.000Z",
      employmentType: "TEMPORARY",
      hiringOrganization: { "@type": "Organization", name: "Régie de quartier <Nord>" },
      jobLocation: { address: { addressLocality: "Lille", addressRegion: "Nord", addressCountry: "FR" } },
      jobLocationType: "TELECOMMUTE",
      baseSalary: { currency: "EUR", value: { minValue: 1900, unitText: "MONTH" } },
    });
  });

  it("serialises without any '<', so the script element cannot be closed early", () => {
    const json = serializeJsonLd(jobPostingJsonLd(offer, "https://communaute.example/c/offres/42-mediatrice"));
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(json).title).toBe(offer.title);
    expect(JSON.parse(json).description).toBe("<p>Accompagner &amp; orienter</p>");
  });
});
