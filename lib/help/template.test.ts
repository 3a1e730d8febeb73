import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/testing";
import { getHelpPageBySlug, updateHelpPage } from "@/db/queries/help-pages";
import type { RichTextDocument } from "@/lib/domain/rich-text";
import { helpBodyDocument, helpBodyText } from "./body-text";
import { helpContent } from "./content";
import entraideTemplate from "@/lib/programme/templates/entraide.json";
import propulseTemplate from "@/lib/programme/templates/propulse.json";
import {
  applyHelpPages,
  builtInHelpPages,
  describeHelpPagesErrors,
  exportHelpPages,
  helpPagesTemplateSchema,
  type HelpPagesTemplate,
} from "./template";

let first: TestDb;
let second: TestDb;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDb(), createTestDb()]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

/** Whether a path of the app has a page: route groups skipped, `[param]` folders match any segment. */
function hasPage(appPath: string, dir = path.resolve("app")): boolean {
  const [segment, ...rest] = appPath.split("?")[0]!.split("#")[0]!.split("/").filter(Boolean);
  const entries = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  if (segment === undefined) {
    if (existsSync(path.join(dir, "page.tsx"))) return true;
    return entries.some((entry) => /^\(.+\)$/.test(entry.name) && hasPage("", path.join(dir, entry.name)));
  }
  const rebuilt = [segment, ...rest].join("/");
  return entries.some((entry) => {
    const child = path.join(dir, entry.name);
    if (/^\(.+\)$/.test(entry.name)) return hasPage(rebuilt, child);
    if (entry.name === segment || /^\[[^.\]]+\]$/.test(entry.name)) return hasPage(rest.join("/"), child);
    return false;
  });
}

const linkTargets = (body: string) => [...body.matchAll(/\]\((\/[^)]*)\)/g)].map((match) => match[1]!);

describe("the shipped help pages", () => {
  it.each([
    ["propulse", propulseTemplate.help],
    ["entraide", entraideTemplate.help],
  ])("%s.json validates, in the canonical text format, and links only to pages that exist", (_name, file) => {
    const parsed = helpPagesTemplateSchema.safeParse(file);
    expect(parsed.success, parsed.success ? "" : describeHelpPagesErrors(parsed.error).join("\n")).toBe(true);
    const pages = parsed.data!;
    const slugs = new Set(pages.map((page) => page.slug));
    for (const page of pages) {
      // What an export would write: a file edited by hand in another layout still applies, but
      // the shipped ones are kept canonical so that export → apply → export is the file itself.
      expect(helpBodyText(helpBodyDocument(page.body)), page.slug).toBe(page.body);
      for (const target of linkTargets(page.body)) {
        if (target.startsWith("/aide/")) expect(slugs.has(target.slice("/aide/".length)), target).toBe(true);
        else expect(hasPage(target), `${page.slug} links to ${target}`).toBe(true);
      }
    }
  });

  it("covers what members and facilitators asked for, in the Pro'pulse set", () => {
    const pages = builtInHelpPages("propulse");
    const titles = (audience: string) => pages.filter((page) => page.audience === audience).map((page) => page.title);
    expect(titles("member")).toEqual(
      expect.arrayContaining([
        "Poster mon CV pour avoir des retours",
        "Faire mon point de la semaine",
        "Écrire à un pro ou à mon binôme",
        "Partager une offre d'emploi",
        "Suivre mes candidatures",
        "Dire que j'ai trouvé",
      ]),
    );
    expect(titles("facilitator")).toEqual(
      expect.arrayContaining([
        "Admettre un membre",
        "Animer le Café Pote Emploi",
        "Lire le tableau d'impact",
        "Former un binôme",
        "Traiter un signalement",
      ]),
    );
  });

  it("keeps the generic set shorter and free of Pro'pulse's names", () => {
    const generic = builtInHelpPages("entraide");
    expect(generic.length).toBeLessThan(propulseTemplate.help.length);
    expect(generic.some((page) => page.audience === "facilitator")).toBe(true);
    expect(JSON.stringify(generic)).not.toMatch(/Pro'pulse|Café Pote Emploi|propulseu/i);
    // Any template but Pro'pulse's gets the generic set.
    expect(builtInHelpPages("autre-chose")).toEqual(generic);
  });
});

describe("the template schema", () => {
  it("refuses a broken file whole, naming each field's path", () => {
    const bad = [
      {
        slug: "Poster Mon CV",
        audience: "tout-le-monde",
        title: " ",
        body: "Voir [ici](https://evil.example).",
        position: -1,
      },
      { slug: "ok", audience: "member", title: "Une page", body: "", position: 1.5 },
      { slug: "ok", audience: "member", title: "Encore", body: "Texte", position: 2 },
      { slug: "nouvelle", audience: "member", title: "Réservée", body: "[x](javascript:alert(1))", position: 3 },
    ];
    const parsed = helpPagesTemplateSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    const lines = describeHelpPagesErrors(parsed.error!);
    const paths = new Set(lines.map((line) => line.split(":")[0]));
    for (const field of [
      "0.slug",
      "0.audience",
      "0.title",
      "0.body",
      "0.position",
      "1.body",
      "1.position",
      "2.slug",
      "3.slug",
      "3.body",
    ]) {
      expect(paths, `${field} in ${lines.join("\n")}`).toContain(field);
    }
    expect(lines.find((line) => line.startsWith("0.body"))).toContain("https://evil.example");
    expect(helpPagesTemplateSchema.safeParse({ slug: "x" }).success).toBe(false);
  });

  it("turns the text format into the editor's document: paragraphs, line breaks, lists and app links", () => {
    const doc = helpBodyDocument(
      "Premier paragraphe\nsur deux lignes.\n\nPour cela :\n- ouvrez [le café](/cafe)\n- publiez\n\nFin [pas un lien](https://ailleurs.example).",
    );
    expect(doc.content.map((block) => block.type)).toEqual(["paragraph", "paragraph", "bulletList", "paragraph"]);
    expect(doc.content[0]).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Premier paragraphe" },
        { type: "hardBreak" },
        { type: "text", text: "sur deux lignes." },
      ],
    });
    const html = helpContent(doc).html;
    expect(html).toContain('<a href="/cafe">le café</a>');
    expect(html).not.toContain('ailleurs.example"');
  });
});

describe("export and apply", () => {
  it("exports what it applied, identically, and an export applied elsewhere exports the same again", async () => {
    const shipped = builtInHelpPages("propulse");
    expect(await applyHelpPages(first.db, shipped)).toMatchObject({ created: shipped.map((page) => page.slug) });
    const exported = await exportHelpPages(first.db);
    expect(exported).toEqual(shipped);

    // An admin's page uses what the format cannot say: bold, a heading, a quote, a numbered list,
    // a link to another site, a nested list. The export flattens it once; from then on it is stable.
    const page = (await getHelpPageBySlug(first.db, { slug: "poster-mon-cv" }))!;
    const rich: RichTextDocument = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Avant de commencer" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Lisez " },
            { type: "text", text: "ceci", marks: [{ type: "bold" }] },
            { type: "text", text: " et " },
            { type: "text", text: "Avise", marks: [{ type: "link", attrs: { href: "https://www.avise.org" } }] },
            { type: "text", text: ", puis " },
            { type: "text", text: "le café", marks: [{ type: "link", attrs: { href: "/cafe" } }] },
            { type: "text", text: " [sans](lien)" },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Une citation" }] }] },
        {
          type: "orderedList",
          content: [
            {
              type: "listItem",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "Un" }] },
                {
                  type: "bulletList",
                  content: [
                    { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Un bis" }] }] },
                  ],
                },
              ],
            },
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Deux" }] }] },
          ],
        },
      ],
    };
    await updateHelpPage(first.db, { ...page, content: helpContent(rich), updatedById: null });
    const once: HelpPagesTemplate = await exportHelpPages(first.db);
    expect(once.find((item) => item.slug === "poster-mon-cv")!.body).toBe(
      "Avant de commencer\n\nLisez ceci et Avise (https://www.avise.org), puis [le café](/cafe) [sans] (lien)\n\nUne citation\n- Un\n- Un bis\n- Deux",
    );

    await applyHelpPages(second.db, once);
    const twice = await exportHelpPages(second.db);
    expect(twice).toEqual(once);
    // Applying the same pages again changes nothing (dates and authors stay).
    const again = await applyHelpPages(second.db, twice);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(twice.length);
  });

  it("updates pages by slug and never deletes the others", async () => {
    const before = await exportHelpPages(second.db);
    const result = await applyHelpPages(second.db, [
      { slug: "poster-mon-cv", audience: "member", title: "Poster mon CV", body: "Nouveau texte.", position: 5 },
      {
        slug: "une-page-locale",
        audience: "facilitator",
        title: "Une page locale",
        body: "Pour l'équipe.",
        position: 99,
      },
    ]);
    expect(result).toEqual({ created: ["une-page-locale"], updated: ["poster-mon-cv"], unchanged: [] });
    const after = await exportHelpPages(second.db);
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((page) => page.slug === "poster-mon-cv")).toMatchObject({
      title: "Poster mon CV",
      body: "Nouveau texte.",
    });
    // A broken list changes nothing.
    await expect(
      applyHelpPages(second.db, [{ slug: "Bad", audience: "member", title: "x", body: "", position: 0 }]),
    ).rejects.toThrow();
    expect(await exportHelpPages(second.db)).toEqual(after);
  });
});
